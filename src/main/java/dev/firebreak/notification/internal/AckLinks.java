package dev.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.firebreak.notification.Subject;
import dev.firebreak.platform.Secrets;

/**
 * The signed one-click acknowledge link in a message: {@code /notifications/ack/<payload>.<mac>},
 * where the payload names the incident (its number) or the alert ({@code alert:<uuid>}), the
 * person and the expiry, and the mac is HMAC-SHA256
 * with a key derived from {@code FIREBREAK_SECRET_KEY}. The link is the credential: whoever holds
 * it acknowledges as that person, until it expires. Every instance sharing the key accepts it.
 */
@Component
class AckLinks {

	static final String PATH = "/notifications/ack/";

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/** Marks an alert's payload; an incident's is its bare number, as in the links sent before alerts had any. */
	private static final String ALERT = "alert:";

	private final SecretKeySpec key;

	private final Clock clock;

	private final NotificationSettings settings;

	private final String baseUrl;

	AckLinks(Secrets secrets, Clock clock, NotificationSettings settings, @Value("${firebreak.base-url}") String baseUrl) {
		this.key = new SecretKeySpec(secrets.derive("notification/ack-links"), ALGORITHM);
		this.clock = clock;
		this.settings = settings;
		this.baseUrl = WebhookHttp.withoutTrailingSlash(baseUrl);
	}

	/** A link for this person to acknowledge this incident or alert, valid for the configured time from now. */
	String link(Subject subject, UUID accountId) {
		return baseUrl + PATH + token(subject, accountId, clock.instant().plus(settings.ackLinkValidFor()));
	}

	String token(Subject subject, UUID accountId, Instant expiresAt) {
		var named = subject.incidentNumber() != null ? subject.incidentNumber().toString() : ALERT + subject.alertId();
		var payload = ENCODER.encodeToString((named + "." + accountId + "." + expiresAt.getEpochSecond())
			.getBytes(StandardCharsets.UTF_8));
		return payload + "." + ENCODER.encodeToString(mac(payload));
	}

	/** What a token says, if it is ours and unchanged; whether it is still valid is {@link Ack#expired}. */
	Ack read(String token) {
		var dot = token == null ? -1 : token.indexOf('.');
		if (dot <= 0 || token.length() > 300) {
			return null;
		}
		var payload = token.substring(0, dot);
		try {
			var given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			if (!MessageDigest.isEqual(given, mac(payload))) {
				return null;
			}
			var parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\.");
			if (parts.length != 3) {
				return null;
			}
			var expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
			var subject = parts[0].startsWith(ALERT) ? Subject.alert(UUID.fromString(parts[0].substring(ALERT.length())))
					: Subject.incident(Long.parseLong(parts[0]));
			return new Ack(subject, UUID.fromString(parts[1]), expiresAt, !clock.instant().isBefore(expiresAt));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private byte[] mac(String payload) {
		try {
			var mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot sign an acknowledge link", e);
		}
	}

	record Ack(Subject subject, UUID accountId, Instant expiresAt, boolean expired) {
	}
}
