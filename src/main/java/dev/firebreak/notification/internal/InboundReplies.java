package dev.firebreak.notification.internal;

import dev.firebreak.notification.ContactType;

/**
 * Replies that come back through a channel (an SMS "ack 42"): matched to the pages sent to that
 * address and acted on as the person who owns it.
 */
interface InboundReplies {

	/**
	 * @param from the address the reply came from (an E.164 number)
	 * @param body what the person wrote
	 * @return what to answer the person, in plain words ("INC-42 acknowledged", "No open page for 7")
	 */
	String reply(ContactType type, String from, String body);
}
