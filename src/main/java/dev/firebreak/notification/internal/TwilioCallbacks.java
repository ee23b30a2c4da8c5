package dev.firebreak.notification.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.notification.ContactType;

/**
 * What Twilio sends back: inbound SMS (a reply such as "ack 42", answered with TwiML), delivery
 * status callbacks of the messages and calls {@link TwilioChannel} placed, and the key pressed
 * during a call. No session or token: each request must carry Twilio's signature
 * ({@link TwilioSignature}), else it is answered 403 and nothing happens.
 * <p>
 * The signed URL is the one Twilio called, which a proxy in front of Firebreak rewrites (host,
 * scheme, port), so it is rebuilt from {@code firebreak.base-url} plus the request's path and
 * query, never from the request's Host header: {@code firebreak.base-url} must be exactly the
 * start of the URLs Twilio is given (the number's SMS webhook: {@code <base-url>/notifications/twilio/sms}).
 */
@RestController
class TwilioCallbacks {

	static final String SMS_PATH = "/notifications/twilio/sms";

	private static final Logger log = LoggerFactory.getLogger(TwilioCallbacks.class);

	private static final MediaType TWIML = new MediaType("text", "xml", StandardCharsets.UTF_8);

	private static final Set<String> DELIVERED = Set.of("delivered", "completed");

	private static final Set<String> FAILED = Set.of("failed", "undelivered", "busy", "no-answer", "canceled");

	/** The digit that acknowledges, as the call says ("Press 1 to acknowledge"). */
	private static final String ACKNOWLEDGE_KEY = "1";

	private final InboundReplies replies;

	private final DeliveryReceipts receipts;

	private final TwilioProperties properties;

	private final String baseUrl;

	// @Lazy: the module's delivery log implements both and was merged apart from the channels; the
	// application starts whether or not it is there yet, and a callback resolves it when it comes
	TwilioCallbacks(@Lazy InboundReplies replies, @Lazy DeliveryReceipts receipts, TwilioProperties properties,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.replies = replies;
		this.receipts = receipts;
		this.properties = properties;
		this.baseUrl = WebhookHttp.withoutTrailingSlash(baseUrl);
	}

	@PostMapping(SMS_PATH)
	ResponseEntity<String> sms(HttpServletRequest request) {
		var form = form(request);
		if (!signed(request, form)) {
			return forbidden();
		}
		var from = first(form, "From");
		if (from.isBlank()) {
			return ResponseEntity.badRequest().contentType(TWIML).body(TwilioTwiml.empty());
		}
		var answer = replies.reply(ContactType.SMS, from, first(form, "Body"));
		return twiml(TwilioTwiml.message(answer));
	}

	@PostMapping(TwilioChannel.STATUS_PATH)
	ResponseEntity<String> status(HttpServletRequest request) {
		var form = form(request);
		if (!signed(request, form)) {
			return forbidden();
		}
		var message = !first(form, "MessageSid").isBlank();
		var sid = first(form, message ? "MessageSid" : "CallSid");
		var status = first(form, message ? "MessageStatus" : "CallStatus");
		var known = true;
		if (DELIVERED.contains(status)) {
			known = receipts.delivered(sid);
		}
		else if (FAILED.contains(status)) {
			var error = first(form, "ErrorCode");
			known = receipts.failed(sid, status + (error.isBlank() ? "" : " (Twilio error " + error + ")"));
		}
		if (!known) {
			log.debug("Twilio reported {} for {}, which is no delivery of ours", status, sid);
		}
		return twiml(TwilioTwiml.empty());
	}

	/** The key pressed after a page by voice; the person is the number called ({@code To}). */
	@PostMapping(TwilioChannel.VOICE_PATH + "{code}")
	ResponseEntity<String> voice(@PathVariable String code, HttpServletRequest request) {
		var form = form(request);
		if (!signed(request, form)) {
			return forbidden();
		}
		if (!ACKNOWLEDGE_KEY.equals(first(form, "Digits"))) {
			return twiml(TwilioTwiml.say("Not acknowledged. Goodbye."));
		}
		var answer = replies.reply(ContactType.VOICE, first(form, "To"), "ack " + code);
		return twiml(TwilioTwiml.say(answer == null || answer.isBlank() ? "Goodbye." : answer));
	}

	private boolean signed(HttpServletRequest request, MultiValueMap<String, String> form) {
		if (!properties.canVerify()) {
			log.warn("A Twilio callback was refused: firebreak.notification.twilio.auth-token is not set, so it cannot be verified");
			return false;
		}
		var path = request.getRequestURI().substring(request.getContextPath().length());
		var url = baseUrl + path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		return TwilioSignature.verify(properties.authToken(), url, form, request.getHeader(TwilioSignature.HEADER));
	}

	/**
	 * The POST parameters alone: the servlet's parameters hold the query string's too, first, and
	 * the query is signed as part of the URL, not again as a parameter.
	 */
	static MultiValueMap<String, String> form(HttpServletRequest request) {
		var inQuery = new HashMap<String, Integer>();
		if (request.getQueryString() != null) {
			for (var pair : request.getQueryString().split("&")) {
				var name = pair.split("=", 2)[0];
				if (!name.isEmpty()) {
					inQuery.merge(URLDecoder.decode(name, StandardCharsets.UTF_8), 1, Integer::sum);
				}
			}
		}
		var form = new LinkedMultiValueMap<String, String>();
		request.getParameterMap().forEach((name, values) -> {
			for (var i = inQuery.getOrDefault(name, 0); i < values.length; i++) {
				form.add(name, values[i]);
			}
		});
		return form;
	}

	private static String first(MultiValueMap<String, String> form, String name) {
		var value = form.getFirst(name);
		return value == null ? "" : value;
	}

	private static ResponseEntity<String> twiml(String body) {
		return ResponseEntity.ok().contentType(TWIML).body(body);
	}

	private static ResponseEntity<String> forbidden() {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
	}
}
