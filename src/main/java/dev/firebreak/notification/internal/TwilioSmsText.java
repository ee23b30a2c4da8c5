package dev.firebreak.notification.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * An SMS body that fits one segment: only characters of the GSM 03.38 alphabet (one character
 * outside it makes the whole message UCS-2, 70 characters a segment), at most 160 septets (the
 * extension characters {@code ^{}\[~]|€} take two). Common typography becomes its plain form,
 * accents are dropped where GSM lacks the letter, anything else becomes {@code ?}.
 */
final class TwilioSmsText {

	static final int SEPTETS = 160;

	private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
			+ "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

	private static final String EXTENSION = "^{}\\[~]|€";

	private static final Map<Character, String> PLAIN = Map.ofEntries(Map.entry('—', "-"), Map.entry('–', "-"),
			Map.entry('‘', "'"), Map.entry('’', "'"), Map.entry('“', "\""), Map.entry('”', "\""),
			Map.entry('…', "..."), Map.entry('•', "*"), Map.entry('→', "->"), Map.entry('\u00a0', " "),
			Map.entry('\t', " "), Map.entry('`', "'"));

	private TwilioSmsText() {
	}

	static String of(String text) {
		var out = new StringBuilder();
		var septets = 0;
		for (var c : text.strip().codePoints().toArray()) {
			var safe = safe(c);
			var cost = 0;
			for (var s : safe.toCharArray()) {
				cost += EXTENSION.indexOf(s) >= 0 ? 2 : 1;
			}
			if (septets + cost > SEPTETS) {
				break;
			}
			out.append(safe);
			septets += cost;
		}
		return out.toString();
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
