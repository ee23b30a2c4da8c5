package dev.firebreak.notification.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.firebreak.notification.ChannelType;
import dev.firebreak.notification.ContactType;

/**
 * Which {@link Channel} sends to each contact type and which {@link ChatSender} posts to each chat
 * channel type, from the beans present. A type without one is refused with a reason, never dropped.
 */
@Component
class ChannelDirectory {

	private final Map<ContactType, Channel> channels = new EnumMap<>(ContactType.class);

	private final Map<ChannelType, ChatSender> senders = new EnumMap<>(ChannelType.class);

	ChannelDirectory(List<Channel> channels, List<ChatSender> senders) {
		for (var channel : channels) {
			for (var type : channel.sendsTo()) {
				var before = this.channels.put(type, channel);
				if (before != null) {
					throw new IllegalStateException("Two channels send to " + type + ": " + before.getClass().getSimpleName()
							+ " and " + channel.getClass().getSimpleName());
				}
			}
		}
		for (var sender : senders) {
			for (var type : sender.postsTo()) {
				var before = this.senders.put(type, sender);
				if (before != null) {
					throw new IllegalStateException("Two senders post to " + type + ": " + before.getClass().getSimpleName()
							+ " and " + sender.getClass().getSimpleName());
				}
			}
		}
	}

	Optional<Channel> channel(ContactType type) {
		return Optional.ofNullable(channels.get(type));
	}

	Optional<ChatSender> sender(ChannelType type) {
		return Optional.ofNullable(senders.get(type));
	}

	static String noChannel(ContactType type) {
		return "This Firebreak has no channel that sends " + type + " messages; ask an administrator to set one up";
	}

	static String noSender(ChannelType type) {
		return "This Firebreak has no sender for " + type + " channels; ask an administrator to set one up";
	}
}
