package dev.firebreak.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The notification module's public face: page a person, stop paging, tell a person or a channel.
 * Every call is idempotent by its key, across instances: a page is sent once per
 * (key, contact method) however often it is asked for.
 */
public interface Notifications {

	/**
	 * Pages a person about an incident or alert by their own notification rules for the urgency:
	 * the rule at 0 minutes at once, later ones on durable timers, each skipped once the subject
	 * was {@linkplain #stop(Subject) stopped}. A person without contact methods or rules is reached
	 * by e-mail at their account's address (nobody is silently unreachable).
	 */
	void page(PageRequest page);

	/** Stops every pending step and retry of the pages about this subject: it was acknowledged or resolved. */
	void stop(Subject subject);

	/** Tells a person something that is not a page (a shift hand-off): their first rule's contact method, once per key. */
	void tell(UUID accountId, Notice notice);

	/** Posts to a chat channel (a Slack or Teams incoming webhook, a signed webhook), once per key. */
	void announce(UUID channelId, Notice notice);

	/** The chat channels an administrator set up, by name. */
	List<ChatChannel> channels();

	/** Every delivery about this subject, oldest first: what was sent to whom, by what, and how it went. */
	List<Delivery> deliveries(Subject subject);

	/** The pages asked for from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
	List<PageRecord> pages(Instant from, Instant to);
}
