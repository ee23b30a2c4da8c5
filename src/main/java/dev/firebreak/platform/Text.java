package dev.firebreak.platform;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Checks on the text people send, shared by every capability so the rules and their messages are
 * the same everywhere: within its limit, and free of control characters (a NUL is stored by H2
 * but refused by PostgreSQL, and no person means one).
 */
public final class Text {

	private Text() {
	}

	/** A text that may be absent: checked, and trimmed when present. */
	public static String optional(String pointer, String text, int max) {
		if (text == null) {
			return null;
		}
		check(pointer, text, max);
		return text.strip();
	}

	/** A text that must be there: not blank, checked, trimmed. */
	public static String required(String pointer, String text, int max, String hint) {
		if (text == null || text.isBlank()) {
			throw Problems.invalid(pointer, field(pointer) + " is required: " + hint);
		}
		check(pointer, text, max);
		return text.strip();
	}

	public static void check(String pointer, String text, int max) {
		if (text.length() > max) {
			throw Problems.invalid(pointer, field(pointer) + " is " + text.length() + " characters long; the limit is " + max);
		}
		if (hasControlCharacters(text)) {
			throw Problems.invalid(pointer, field(pointer) + " contains a control character; send plain text");
		}
	}

	/** Line breaks and tabs are text; the other control characters are not. */
	public static boolean hasControlCharacters(String text) {
		for (var i = 0; i < text.length(); i++) {
			var c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
				return true;
			}
		}
		return false;
	}

	/** An IANA time zone name, UTC when none is given. */
	public static String timeZone(String pointer, String timeZone) {
		var zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim();
		try {
			ZoneId.of(zone);
			return zone;
		}
		catch (DateTimeException e) {
			throw Problems.invalid(pointer, "'" + zone + "' is not a time zone; use an IANA name like Europe/Berlin or UTC");
		}
	}

	private static String field(String pointer) {
		return pointer.substring(pointer.lastIndexOf('/') + 1);
	}

	/** A base URL as links are built on it: without its trailing slash ({@code firebreak.base-url} may have one). */
	public static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
