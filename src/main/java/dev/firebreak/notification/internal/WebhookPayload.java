package dev.firebreak.notification.internal;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The JSON body of Firebreak's signed webhooks, to a person's push webhook and to a webhook chat
 * channel alike. Every field is always present ({@code null} when absent):
 * <pre>
 * {
 *   "type": "page",                       // "page": something to acknowledge; "notice": to read
 *   "title": "[SEV1] INC-42 Checkout fails — payments",
 *   "text": "…the full plain text…",
 *   "short_text": "SEV1 INC-42 Checkout fails. Reply 42 to ack",   // at most 160 characters
 *   "link": "https://firebreak.example/incidents/INC-42",
 *   "acknowledge_url": "https://firebreak.example/notifications/ack/…",   // null for a notice
 *   "reply_code": "42",                   // null for a notice
 *   "timestamp": "2026-11-26T13:00:00Z",  // when it was sent, UTC
 *   "drill": false                        // true: about a fire drill, practice (its words say DRILL first)
 * }
 * </pre>
 * Headers, per Standard Webhooks: {@code webhook-id} ({@code msg_…}, new for every attempt),
 * {@code webhook-timestamp} (unix seconds) and {@code webhook-signature}
 * ({@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">} keyed with the base64-decoded part
 * of the {@code whsec_} secret). A receiver verifies with any Standard Webhooks library and should
 * refuse timestamps more than five minutes away.
 */
@JsonPropertyOrder({ "type", "title", "text", "short_text", "link", "acknowledge_url", "reply_code", "timestamp", "drill" })
record WebhookPayload(@JsonProperty("type") String type, @JsonProperty("title") String title,
		@JsonProperty("text") String text, @JsonProperty("short_text") String shortText,
		@JsonProperty("link") String link, @JsonProperty("acknowledge_url") String acknowledgeUrl,
		@JsonProperty("reply_code") String replyCode, @JsonProperty("timestamp") String timestamp,
		@JsonProperty("drill") boolean drill) {

	static final String PAGE = "page";

	static final String NOTICE = "notice";

	static WebhookPayload of(OutboundMessage message, Instant at) {
		return new WebhookPayload(message.acknowledgeUrl() != null ? PAGE : NOTICE, message.title(), message.text(),
				message.shortText(), message.link(), message.acknowledgeUrl(), message.replyCode(), at.toString(),
				message.drill());
	}
}
