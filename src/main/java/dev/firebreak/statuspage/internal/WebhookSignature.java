package dev.firebreak.statuspage.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (the scheme every Firebreak webhook uses, so receivers verify them
 * with the published libraries): {@code webhook-signature: v1,<base64 HMAC-SHA256>} of
 * {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed with the bytes of a {@code whsec_<base64>}
 * secret. The notification module signs the same way; its signer is internal to it.
 */
final class WebhookSignature {

	static final String ID = "webhook-id";

	static final String TIMESTAMP = "webhook-timestamp";

	static final String SIGNATURE = "webhook-signature";

	private static final String PREFIX = "whsec_";

	/** The specification asks for secrets of 24 to 64 random bytes. */
	private static final int SECRET_BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		var bytes = new byte[SECRET_BYTES];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/** The {@code webhook-signature} header's value, {@code v1,<base64>}. */
	static String sign(String secret, String id, long timestamp, byte[] body) {
		var key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
		}
	}
}
