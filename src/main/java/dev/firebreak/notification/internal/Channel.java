package dev.firebreak.notification.internal;

import java.util.Set;

import dev.firebreak.notification.ContactType;

/**
 * One way of sending to a person: e-mail, the Twilio-compatible SMS and voice API, a Slack direct
 * message, a signed push webhook. The delivery log decides when and whether to send; a channel
 * only sends, and says what the provider answered.
 */
interface Channel {

	/** The contact types this channel sends to. */
	Set<ContactType> sendsTo();

	/**
	 * Sends one message now.
	 *
	 * @return the provider's answer, kept on the delivery row (a message sid, an SMTP reply)
	 * @throws DeliveryException when the provider refused or could not be reached
	 */
	String send(Destination to, OutboundMessage message) throws DeliveryException;
}
