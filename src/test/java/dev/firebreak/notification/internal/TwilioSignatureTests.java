package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** Twilio's request signature, against the example in Twilio's documentation and an independent HMAC. */
class TwilioSignatureTests {

	// Twilio's documented example (its request-validation docs and its libraries' tests)
	private static final String TOKEN = "12345";

	private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

	private static final String SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

	private static Map<String, List<String>> documentedParams() {
		var params = new LinkedHashMap<String, List<String>>();
		params.put("To", List.of("+18005551212"));
		params.put("Digits", List.of("1234"));
		params.put("CallSid", List.of("CA1234567890ABCDE"));
		params.put("From", List.of("+14158675309"));
		params.put("Caller", List.of("+14158675309"));
		return params;
	}

	@Test
	void signsTwiliosDocumentedExampleWhateverTheParameterOrder() {
		assertThat(TwilioSignature.sign(TOKEN, URL, documentedParams())).isEqualTo(SIGNATURE);
		assertThat(TwilioSignature.verify(TOKEN, URL, documentedParams(), SIGNATURE)).isTrue();
	}

	@Test
	void signsWhatAnIndependentHmacOfUrlAndSortedParametersGives() throws Exception {
		var url = "https://ops.example/notifications/twilio/sms";
		var params = Map.of("From", List.of("+15551230000"), "Body", List.of("ack 42"), "AccountSid", List.of("AC1"));
		var mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec("tok".getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		var expected = Base64.getEncoder().encodeToString(mac.doFinal(
				(url + "AccountSidAC1" + "Bodyack 42" + "From+15551230000").getBytes(StandardCharsets.UTF_8)));

		assertThat(TwilioSignature.sign("tok", url, params)).isEqualTo(expected);
	}

	@Test
	void refusesATamperedParameter() {
		var tampered = documentedParams();
		tampered.put("Digits", List.of("9"));

		assertThat(TwilioSignature.verify(TOKEN, URL, tampered, SIGNATURE)).isFalse();
	}

	@Test
	void refusesAnAddedParameter() {
		var more = documentedParams();
		more.put("Body", List.of("ack 1"));

		assertThat(TwilioSignature.verify(TOKEN, URL, more, SIGNATURE)).isFalse();
	}

	@Test
	void refusesAnotherUrl() {
		assertThat(TwilioSignature.verify(TOKEN, "https://mycompany.com/myapp.php?foo=1&bar=3", documentedParams(),
				SIGNATURE)).isFalse();
		assertThat(TwilioSignature.verify(TOKEN, "http://mycompany.com/myapp.php?foo=1&bar=2", documentedParams(),
				SIGNATURE)).isFalse();
	}

	@Test
	void refusesTheWrongToken() {
		assertThat(TwilioSignature.verify("54321", URL, documentedParams(), SIGNATURE)).isFalse();
	}

	@Test
	void refusesAMissingSignatureOrToken() {
		assertThat(TwilioSignature.verify(TOKEN, URL, documentedParams(), null)).isFalse();
		assertThat(TwilioSignature.verify(TOKEN, URL, documentedParams(), "")).isFalse();
		assertThat(TwilioSignature.verify(null, URL, documentedParams(), SIGNATURE)).isFalse();
		assertThat(TwilioSignature.verify("", URL, documentedParams(), SIGNATURE)).isFalse();
	}

	@Test
	void takesARepeatedNamesDistinctValuesSorted() {
		var url = "https://ops.example/x";
		var repeated = Map.of("x", List.of("2", "1", "1"));

		assertThat(TwilioSignature.sign(TOKEN, url, repeated))
			.isEqualTo(TwilioSignature.sign(TOKEN, url, Map.of("x", List.of("1", "2"))))
			.isNotEqualTo(TwilioSignature.sign(TOKEN, url, Map.of("x", List.of("2"))));
	}
}
