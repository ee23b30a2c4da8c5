package dev.firebreak.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Standard Webhooks signatures, against the specification's published example and an independent HMAC. */
class StandardWebhooksTests {

	// the example the Standard Webhooks (and Svix) reference libraries test against
	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final long TIMESTAMP = 1614265330;

	private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

	private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static final Instant THEN = Instant.ofEpochSecond(TIMESTAMP);

	@Test
	void signsThePublishedExampleExactly() {
		assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
	}

	@Test
	void aSecretWithoutItsPrefixSignsTheSame() {
		assertThat(StandardWebhooks.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
	}

	@Test
	void signsWhatAnIndependentHmacOfIdTimestampAndBodyGives() throws Exception {
		var secret = StandardWebhooks.newSecret(new SecureRandom());
		var body = "{\"type\":\"page\",\"title\":\"Zürich — down\"}".getBytes(StandardCharsets.UTF_8);
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		var expected = Base64.getEncoder()
			.encodeToString(mac.doFinal(("msg_1.1700000000." + new String(body, StandardCharsets.UTF_8))
				.getBytes(StandardCharsets.UTF_8)));

		assertThat(StandardWebhooks.sign(secret, "msg_1", 1700000000, body)).isEqualTo("v1," + expected);
	}

	@Test
	void verifiesThePublishedExampleWithinTheTolerance() {
		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, THEN, TOLERANCE)).isTrue();
		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, THEN.plus(TOLERANCE), TOLERANCE))
			.isTrue();
	}

	@Test
	void findsItsSignatureAmongSeveral() {
		var header = "v1,bm9wZQ== v2,whatever " + SIGNATURE;

		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, header, THEN, TOLERANCE)).isTrue();
	}

	@Test
	void refusesATamperedBodyIdOrTimestamp() {
		var tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", tampered, SIGNATURE, THEN, TOLERANCE)).isFalse();
		assertThat(StandardWebhooks.verify(SECRET, "msg_other", "1614265330", BODY, SIGNATURE, THEN, TOLERANCE)).isFalse();
		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265331", BODY, SIGNATURE, THEN, TOLERANCE)).isFalse();
	}

	@Test
	void refusesAnotherSecret() {
		var other = StandardWebhooks.newSecret(new SecureRandom());

		assertThat(StandardWebhooks.verify(other, ID, "1614265330", BODY, SIGNATURE, THEN, TOLERANCE)).isFalse();
	}

	@Test
	void refusesAMessageOutsideTheToleranceEitherWay() {
		var late = THEN.plus(TOLERANCE).plusSeconds(1);
		var early = THEN.minus(TOLERANCE).minusSeconds(1);

		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, late, TOLERANCE)).isFalse();
		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, SIGNATURE, early, TOLERANCE)).isFalse();
	}

	@Test
	void refusesMissingOrMalformedHeaders() {
		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, null, THEN, TOLERANCE)).isFalse();
		assertThat(StandardWebhooks.verify(SECRET, ID, null, BODY, SIGNATURE, THEN, TOLERANCE)).isFalse();
		assertThat(StandardWebhooks.verify(SECRET, ID, "yesterday", BODY, SIGNATURE, THEN, TOLERANCE)).isFalse();
		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, "v1,not base64!", THEN, TOLERANCE)).isFalse();
		assertThat(StandardWebhooks.verify(SECRET, ID, "1614265330", BODY, SIGNATURE.substring(3), THEN, TOLERANCE))
			.isFalse();
	}

	@Test
	void newSecretsAreWhsecWith32RandomBytes() {
		var random = new SecureRandom();
		var one = StandardWebhooks.newSecret(random);
		var two = StandardWebhooks.newSecret(random);

		assertThat(one).startsWith("whsec_").isNotEqualTo(two);
		assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
	}

	@Test
	void aSecretThatIsNotBase64CannotSign() {
		assertThatThrownBy(() -> StandardWebhooks.sign("whsec_not base64!", ID, TIMESTAMP, BODY))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
