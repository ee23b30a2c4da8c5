package dev.firebreak.statuspage.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.Text;

/**
 * The links in subscribers' mail: {@code <subscriber id>.<HMAC>} with a key derived from the secret
 * key, so no link is stored and a copy of the database cannot make one. An unsubscribe link holds
 * for as long as the subscriber; a confirmation link is signed over the request's nonce, so a newer
 * request (or a confirmation) makes the older link useless.
 */
@Component
class SubscriberLinks {

	static final String SUBSCRIBE = StatusSnapshots.BASE + "/subscribe";

	static final String CONFIRM = SUBSCRIBE + "/confirm/";

	static final String UNSUBSCRIBE = StatusSnapshots.BASE + "/unsubscribe/";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private final String baseUrl;

	SubscriberLinks(Secrets secrets, @Value("${firebreak.base-url}") String baseUrl) {
		this.key = new SecretKeySpec(secrets.derive("statuspage/subscriber-links"), "HmacSHA256");
		this.baseUrl = Text.withoutTrailingSlash(baseUrl);
	}

	/** A fresh nonce for a request to subscribe. */
	static String nonce() {
		var bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	String unsubscribeUrl(UUID subscriber) {
		return baseUrl + UNSUBSCRIBE + token(subscriber, "unsubscribe");
	}

	String confirmUrl(UUID subscriber, String nonce) {
		return baseUrl + CONFIRM + token(subscriber, "confirm:" + nonce);
	}

	/** The form's address, and where the webhook format is described. */
	String subscribeUrl() {
		return baseUrl + SUBSCRIBE;
	}

	/** The subscriber an unsubscribe link names, when the link is one we made. */
	Optional<UUID> unsubscribing(String token) {
		return subscriber(token).filter(id -> matches(token, id, "unsubscribe"));
	}

	/** The subscriber a confirmation link names (check it with {@link #confirms}). */
	Optional<UUID> subscriber(String token) {
		var dot = token == null ? -1 : token.indexOf('.');
		if (dot != 36) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(token.substring(0, dot)));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	boolean confirms(String token, UUID subscriber, String nonce) {
		return nonce != null && matches(token, subscriber, "confirm:" + nonce);
	}

	private boolean matches(String token, UUID subscriber, String purpose) {
		return MessageDigest.isEqual(token(subscriber, purpose).getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII));
	}

	private String token(UUID subscriber, String purpose) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			var signature = mac.doFinal((purpose + ":" + subscriber).getBytes(StandardCharsets.UTF_8));
			return subscriber + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}
}
