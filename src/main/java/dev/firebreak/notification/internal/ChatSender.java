package dev.firebreak.notification.internal;

import java.util.Set;

import dev.firebreak.notification.ChannelType;

/**
 * One way of posting to a chat channel: a Slack incoming webhook, a Microsoft Teams incoming
 * webhook, a signed generic webhook. Like {@link Channel}, it only sends.
 */
interface ChatSender {

	Set<ChannelType> postsTo();

	/**
	 * @param url the channel's webhook URL
	 * @param secret its signing secret, for {@link ChannelType#WEBHOOK}; null for the others
	 * @return the provider's answer, kept on the delivery row
	 */
	String post(ChannelType type, String url, String secret, OutboundMessage message) throws DeliveryException;
}
