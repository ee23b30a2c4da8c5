package dev.firebreak.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What each incident owes and when. The incident module opens the obligations of its own rules
 * (classification, roles, mitigation, war room); other capabilities open theirs (status updates)
 * through this face. The owner is reminded when one comes due ({@link ObligationDue}) and told,
 * with whoever the rule names, when it is missed ({@link ObligationOverdue}); both are durable
 * timers, so a restart loses none.
 */
public interface Obligations {

	/** The incident's obligations, open ones first by due time, with their state at this instant. */
	List<Obligation> of(long number);

	/**
	 * Opens the obligation with this key, or opens it again with a new due time (a status update
	 * posted opens the next one). Nothing is opened on a resolved or closed incident, except
	 * post-mortem obligations.
	 *
	 * @param overdueTellsCommander whether a missed one is escalated to the incident commander too
	 */
	void open(long number, String key, ObligationKind kind, String title, Instant dueAt, IncidentRole owner,
			boolean overdueTellsCommander);

	/** Marks it met and says how; an obligation already met, or one never opened, is left as it is. */
	void meet(long number, String key, String outcome);

	/**
	 * Hands an open obligation to another person (a post-mortem's new owner), who is reminded from
	 * then on; a met one, or one never opened, is left as it is.
	 */
	void reassign(long number, String key, UUID ownerId);

	/** Withdraws an open obligation that no longer applies (a cadence that stopped); it leaves the list. */
	void withdraw(long number, String key);

	/** The commander sets an open obligation aside; the reason is recorded on the timeline. */
	Obligation waive(long number, String key, String reason, UUID actor);
}
