package dev.firebreak.notification.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.AuditLog;
import dev.firebreak.notification.ChannelType;
import dev.firebreak.notification.ContactType;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.StandardWebhooks;
import dev.firebreak.platform.Text;

/** The chat channels an administrator sets up: the URL kept encrypted, a signed webhook's secret shown once. */
@Component
class ChatChannels {

	static final int NAME_MAX = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ChatChannelStore store;

	private final Secrets secrets;

	private final AuditLog audit;

	private final Clock clock;

	ChatChannels(ChatChannelStore store, Secrets secrets, AuditLog audit, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
	}

	record Created(ChatChannelStore.Stored channel, String secret) {
	}

	@Transactional
	Created create(String name, ChannelType type, String url) {
		var trimmed = Text.required("/name", name, NAME_MAX, "a name people recognise, like #payments-incidents");
		if (type == null) {
			throw Problems.invalid("/type", "type is required: slack_webhook, teams_webhook or webhook");
		}
		String valid;
		try {
			valid = Addresses.valid(ContactType.WEBHOOK, url);
		}
		catch (org.springframework.web.ErrorResponseException e) {
			throw Problems.invalid("/url", "url must be the channel's incoming webhook URL, https:// (or http://) with a host, "
					+ "like https://hooks.slack.com/services/…");
		}
		if (store.nameTaken(trimmed)) {
			throw Problems.conflict("A channel named '" + trimmed + "' exists already");
		}
		var secret = type == ChannelType.WEBHOOK ? StandardWebhooks.newSecret(RANDOM) : null;
		var channel = new ChatChannelStore.Stored(UUID.randomUUID(), trimmed, type, secrets.encrypt(valid),
				Addresses.host(valid), secret == null ? null : secrets.encrypt(secret), clock.instant());
		store.insert(channel);
		audit.record("notification_channel.created", "notification_channel", channel.id().toString(),
				type + " " + trimmed + " (" + channel.urlHost() + ")");
		return new Created(channel, secret);
	}

	@Transactional
	void delete(UUID id) {
		var channel = store.find(id)
			.orElseThrow(() -> Problems.notFound("No channel " + id + "; GET /api/v1/notification-channels lists them"));
		store.delete(id);
		audit.record("notification_channel.deleted", "notification_channel", id.toString(), channel.name());
	}

}
