package dev.firebreak.notification.internal;

/**
 * A message as every channel may render it. The notification module writes it once; each channel
 * takes what fits (an SMS its SMS text, a call the short text, an e-mail the title, text and links).
 *
 * @param title e.g. {@code [SEV1] INC-42 Checkout fails — payments}
 * @param text the full plain text: severity, services, summary, why you, how to acknowledge, the link
 * @param shortText at most 160 characters, for speech: severity, number, summary, the reply code
 * @param link the incident (or alert) page
 * @param acknowledgeUrl a signed one-click acknowledge link; null when there is nothing to acknowledge
 * @param replyCode what a reply by SMS must contain to acknowledge (e.g. {@code 42}); null for none
 * @param smsText a page's SMS in GSM characters: the short text with the link, one segment where
 *        the link leaves room ({@link TwilioSmsText#fit}); null for the short text cut to one segment
 * @param drill about a fire drill: its words say DRILL first, and a webhook says {@code "drill": true}
 */
record OutboundMessage(String title, String text, String shortText, String link, String acknowledgeUrl,
		String replyCode, String smsText, boolean drill) {

	/** A message about something real (not a drill). */
	OutboundMessage(String title, String text, String shortText, String link, String acknowledgeUrl, String replyCode,
			String smsText) {
		this(title, text, shortText, link, acknowledgeUrl, replyCode, smsText, false);
	}

	/** A message whose SMS is its short text. */
	OutboundMessage(String title, String text, String shortText, String link, String acknowledgeUrl, String replyCode) {
		this(title, text, shortText, link, acknowledgeUrl, replyCode, null);
	}
}
