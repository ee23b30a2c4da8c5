package dev.firebreak.identity;

/**
 * The record of who changed what, when and from where. Every state-changing request calls it
 * inside its own transaction, so a change and its audit row are committed together or not at all.
 * The actor and address are taken from the request being served; outside a request the actor is
 * {@code system}.
 */
public interface AuditLog {

	/**
	 * @param action what happened, a dotted verb like {@code incident.status_changed}
	 * @param targetType the kind of thing changed, like {@code incident}
	 * @param targetId its id, like {@code INC-42}
	 * @param detail a short human-readable account of the change
	 */
	void record(String action, String targetType, String targetId, String detail);
}
