package dev.firebreak.oncall.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an iCalendar (RFC 5545) feed of shifts: CRLF line ends, lines folded at 75 octets
 * (never inside a UTF-8 sequence), text escaped, every time in UTC. Small enough to write by hand
 * and so keep a calendar library out of the application.
 */
final class ICalendar {

	static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

	static final String PRODID = "-//Firebreak//On-call//EN";

	private static final int MAX_OCTETS = 75;

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	/** One event; {@code uid} must stay the same for the same shift. */
	record Event(String uid, Instant start, Instant end, String summary, String description) {
	}

	static String feed(String name, Instant stamp, List<Event> events) {
		var out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:" + PRODID);
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "X-WR-CALNAME:" + escape(name));
		for (var event : events) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + escape(event.uid()));
			line(out, "DTSTAMP:" + time(stamp));
			line(out, "DTSTART:" + time(event.start()));
			line(out, "DTEND:" + time(event.end()));
			line(out, "SUMMARY:" + escape(event.summary()));
			if (event.description() != null) {
				line(out, "DESCRIPTION:" + escape(event.description()));
			}
			line(out, "TRANSP:TRANSPARENT");
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** TEXT escaping: backslash, semicolon, comma and line breaks. */
	static String escape(String text) {
		var out = new StringBuilder(text.length());
		for (var i = 0; i < text.length(); i++) {
			var c = text.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case ';' -> out.append("\\;");
				case ',' -> out.append("\\,");
				case '\n' -> out.append("\\n");
				case '\r' -> {
					if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
						out.append("\\n");
					}
				}
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** Appends a content line, folded so no physical line passes 75 octets, ended by CRLF. */
	static void line(StringBuilder out, String content) {
		var octets = 0;
		for (var i = 0; i < content.length();) {
			var codePoint = content.codePointAt(i);
			var size = utf8Length(codePoint);
			if (octets + size > MAX_OCTETS) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

	private static int utf8Length(int codePoint) {
		return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
	}

	private static String time(Instant instant) {
		return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}
}
