package dev.firebreak.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature ({@code X-Twilio-Signature}): base64 of HMAC-SHA1, keyed with the
 * account's auth token, of the URL Twilio called followed by every POST parameter's name and value,
 * in name order (a repeated name's distinct values sorted, as Twilio's Python library does; Twilio
 * itself sends no repeated names in the callbacks Firebreak takes).
 */
final class TwilioSignature {

	static final String HEADER = "X-Twilio-Signature";

	private TwilioSignature() {
	}

	static String sign(String authToken, String url, Map<String, List<String>> form) {
		var data = new StringBuilder(url);
		new TreeMap<>(form).forEach((name, values) -> {
			new TreeSet<>(values).forEach(value -> data.append(name).append(value));
		});
		try {
			var mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every Java runtime", e);
		}
	}

	/** In constant time; a missing signature or token never verifies. */
	static boolean verify(String authToken, String url, Map<String, List<String>> form, String signature) {
		if (signature == null || authToken == null || authToken.isBlank()) {
			return false;
		}
		var expected = sign(authToken, url, form).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
	}
}
