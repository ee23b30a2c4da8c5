package dev.firebreak.notification.internal;

/**
 * The TwiML documents Firebreak hands Twilio: what a call says, and the answers to an inbound SMS
 * or a pressed key.
 */
final class TwilioTwiml {

	private TwilioTwiml() {
	}

	/**
	 * A page by voice: the text twice (the first words are often lost while the phone reaches an
	 * ear), then, when there is something to acknowledge, one key press sent to {@code gatherAction}.
	 *
	 * @param gatherAction null for a call that only informs
	 */
	static String call(String text, String gatherAction) {
		var say = "<Say>" + escape(text) + "</Say>";
		var twiml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>").append(say)
			.append("<Pause length=\"1\"/>").append(say);
		if (gatherAction != null) {
			twiml.append("<Gather numDigits=\"1\" method=\"POST\" action=\"").append(escape(gatherAction)).append("\">")
				.append("<Say>Press 1 to acknowledge.</Say></Gather><Say>Not acknowledged. Goodbye.</Say>");
		}
		return twiml.append("</Response>").toString();
	}

	/** The answer to an inbound SMS: one message back, or none when there is nothing to say. */
	static String message(String text) {
		return text == null || text.isBlank() ? empty() : response("<Message>" + escape(text) + "</Message>");
	}

	/** What the caller hears after pressing a key, before Twilio hangs up. */
	static String say(String text) {
		return response("<Say>" + escape(text) + "</Say>");
	}

	static String empty() {
		return response("");
	}

	private static String response(String verbs) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
	}

	/** Escapes XML's five specials and drops what XML 1.0 cannot carry (control characters). */
	static String escape(String text) {
		var out = new StringBuilder(text.length());
		for (var c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&apos;");
				default -> {
					if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
