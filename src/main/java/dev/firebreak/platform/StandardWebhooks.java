package dev.firebreak.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of the Standard Webhooks specification (standardwebhooks.com), which Svix and others
 * verify with their published libraries: {@code webhook-signature: v1,<base64 HMAC-SHA256>} of
 * {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the bytes a {@code whsec_<base64>}
 * secret encodes. Every outbound webhook of Firebreak signs this way (notification channels,
 * status-page subscribers, action-item trackers), so receivers verify them all alike.
 */
public final class StandardWebhooks {

	public static final String ID = "webhook-id";

	public static final String TIMESTAMP = "webhook-timestamp";

	public static final String SIGNATURE = "webhook-signature";

	private static final String PREFIX = "whsec_";

	/** The specification asks for secrets of 24 to 64 random bytes. */
	private static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private StandardWebhooks() {
	}

	/** A new random secret, {@code whsec_<base64>}. */
	public static String newSecret() {
		return newSecret(RANDOM);
	}

	/** A new random secret, {@code whsec_<base64>}, from this source of randomness. */
	public static String newSecret(SecureRandom random) {
		var bytes = new byte[SECRET_BYTES];
		random.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * @param secret {@code whsec_<base64>}, or the base64 alone
	 * @return the {@code webhook-signature} header's value, {@code v1,<base64>}
	 * @throws IllegalArgumentException when the secret is not base64
	 */
	public static String sign(String secret, String id, long timestamp, byte[] body) {
		return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), id, timestamp, body));
	}

	/**
	 * Whether one of the header's space-separated signatures is ours for this message, and its
	 * timestamp within {@code tolerance} of {@code now} either way (a replayed old message fails).
	 */
	public static boolean verify(String secret, String id, String timestamp, byte[] body, String signatures, Instant now,
			Duration tolerance) {
		if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		var at = Long.parseLong(timestamp);
		if (Math.abs(now.getEpochSecond() - at) > tolerance.toSeconds()) {
			return false;
		}
		var expected = hmac(key(secret), id, at, body);
		for (var candidate : signatures.trim().split(" +")) {
			if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, decode(candidate.substring(3)))) {
				return true;
			}
		}
		return false;
	}

	private static byte[] key(String secret) {
		var encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		return Base64.getDecoder().decode(encoded);
	}

	private static byte[] decode(String signature) {
		try {
			return Base64.getDecoder().decode(signature);
		}
		catch (IllegalArgumentException e) {
			return new byte[0];
		}
	}

	private static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}
}
