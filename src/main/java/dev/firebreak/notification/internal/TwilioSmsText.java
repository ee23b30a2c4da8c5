package dev.firebreak.notification.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * An SMS body that fits one segment: only characters of the GSM 03.38 alphabet (one character
 * outside it makes the whole message UCS-2, 70 characters a segment), at most 160 septets (the
 * extension characters {@code ^{}\[~]|€} take two); a page's body is fitted around its link.
 * Common typography becomes its plain form, accents are dropped where GSM lacks the letter,
 * anything else becomes {@code ?}.
 */
final class TwilioSmsText {

	static final int SEPTETS = 160;

	/** The longest text sent at all: ten concatenated segments of 153 septets (each spends 7 on the joining header). */
	static final int CONCATENATED_SEPTETS = 10 * 153;

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "^{}\\[~]|€";

	private static final String ELLIPSIS = "...";

	/** A shortened part keeps a word or so, or it goes. */
	private static final int MIN_SHORTENED = 8;

	private static final Map<Character, String> PLAIN = Map.ofEntries(Map.entry('—', "-"), Map.entry('–', "-"),
			Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('“', "\""), Map.entry('”', "\""),
			Map.entry('…', "..."), Map.entry('•', "*"), Map.entry('→', "->"), Map.entry('\u00a0', " "),
			Map.entry('\t', " "), Map.entry('`', "'"));

	private TwilioSmsText() {
	}

	/** The text in GSM characters, cut to one segment. */
	static String of(String text) {
		return of(text, SEPTETS);
	}

	/** The text in GSM characters, cut to {@code maxSeptets}. */
	static String of(String text, int maxSeptets) {
		var out = new StringBuilder();
		var septets = 0;
		for (var c : text.strip().codePoints().toArray()) {
			var safe = safe(c);
			var cost = septets(safe);
			if (septets + cost > maxSeptets) {
				break;
			}
			out.append(safe);
			septets += cost;
		}
		return out.toString();
	}

	/**
	 * {@code keep + head + detail + tail} in GSM characters, in one segment when it can be: the
	 * detail is shortened first, then the head; {@code keep} and {@code tail} (an incident's
	 * number, how to acknowledge, its link) never are. When those two alone do not fit one segment
	 * they go out whole, in several segments, rather than without the link.
	 */
	static String fit(String keep, String head, String detail, String tail) {
		var k = gsm(keep);
		var h = gsm(head);
		var d = gsm(detail);
		var t = gsm(tail);
		var room = SEPTETS - septets(k) - septets(t);
		String text;
		if (room < 0) {
			text = k + t;
		}
		else if (septets(h) + septets(d) <= room) {
			text = k + h + d + t;
		}
		else if (septets(h) + MIN_SHORTENED <= room) {
			text = k + h + shorten(d, room - septets(h)) + t;
		}
		else {
			text = k + shorten(h, room) + t;
		}
		return of(text, CONCATENATED_SEPTETS);
	}

	/** How many septets the GSM text takes: extension characters take two. */
	static int septets(String gsm) {
		var count = 0;
		for (var c : gsm.toCharArray()) {
			count += EXTENSION.indexOf(c) >= 0 ? 2 : 1;
		}
		return count;
	}

	private static String gsm(String text) {
		var out = new StringBuilder();
		text.codePoints().forEach(c -> out.append(safe(c)));
		return out.toString();
	}

	/** At most {@code septets}, ending in "..." where cut; nothing when no word would be left. */
	private static String shorten(String gsm, int septets) {
		if (septets(gsm) <= septets) {
			return gsm;
		}
		var kept = new StringBuilder();
		var used = ELLIPSIS.length();
		for (var c : gsm.toCharArray()) {
			var cost = septets(Character.toString(c));
			if (used + cost > septets) {
				break;
			}
			kept.append(c);
			used += cost;
		}
		var prefix = kept.toString().stripTrailing();
		return prefix.chars().anyMatch(Character::isLetterOrDigit) ? prefix + ELLIPSIS : "";
	}

	private static String safe(int c) {
		if (Character.isSupplementaryCodePoint(c)) {
			return "?";
		}
		if (BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0) {
			return Character.toString(c);
		}
		var plain = PLAIN.get((char) c);
		if (plain != null) {
			return plain;
		}
		var stripped = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return stripped.length() == 1 && BASIC.indexOf(stripped.charAt(0)) >= 0 ? stripped : "?";
	}
}
