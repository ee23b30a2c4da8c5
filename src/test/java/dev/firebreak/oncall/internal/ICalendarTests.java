package dev.firebreak.oncall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/** The iCalendar writer, read back by ical4j and checked byte by byte. */
class ICalendarTests {

	private static final String LONG_SUMMARY = "On call: Zoë Ångström-Müller, Ünïcödé; Bereitschaft für Zahlungsdienste "
			+ "— 日本語のテキストも折り返す 🚒🚒🚒 line\nbreak \\ backslash";

	@Test
	void aFeedIsReadBackByIcal4jWithEveryEventTimeAndText() throws Exception {
		var feed = ICalendar.feed("Payments, primary", Instant.parse("2026-03-02T10:00:00.123Z"), List.of(
				new ICalendar.Event("one@firebreak", Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-03T08:00:00Z"),
						LONG_SUMMARY, "Layer: Primary"),
				new ICalendar.Event("two@firebreak", Instant.parse("2026-03-03T08:00:00Z"), Instant.parse("2026-03-04T07:30:00Z"),
						"On call: Bob", null)));

		var calendar = new CalendarBuilder().build(new StringReader(feed));
		calendar.validate();
		List<VEvent> events = calendar.getComponents(Component.VEVENT);

		assertThat(calendar.getProperty("PRODID").orElseThrow().getValue()).isEqualTo(ICalendar.PRODID);
		assertThat(calendar.getProperty("VERSION").orElseThrow().getValue()).isEqualTo("2.0");
		assertThat(events).hasSize(2);
		var first = events.get(0);
		assertThat(first.getSummary().getValue()).isEqualTo(LONG_SUMMARY);
		assertThat(first.getUid().orElseThrow().getValue()).isEqualTo("one@firebreak");
		assertThat(first.getDateTimeStamp().getDate()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
		assertThat(Instant.from(first.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
		assertThat(Instant.from(first.getDateTimeEnd().getDate())).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
		assertThat(Instant.from(events.get(1).getDateTimeEnd().getDate())).isEqualTo(Instant.parse("2026-03-04T07:30:00Z"));
	}

	@Test
	void everyLineEndsWithCrlfIsAtMost75OctetsAndIsNeverFoldedInsideAUtf8Sequence() throws Exception {
		var feed = ICalendar.feed("Zoë's schedule", Instant.parse("2026-03-02T10:00:00Z"), List.of(new ICalendar.Event(
				"one@firebreak", Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-03T08:00:00Z"),
				LONG_SUMMARY, null)));
		var bytes = feed.getBytes(StandardCharsets.UTF_8);

		assertThat(feed).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n").doesNotContainPattern("[^\r]\n");
		var lines = Arrays.asList(feed.split("\r\n"));
		assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
		assertThat(lines).contains("DTSTART:20260302T080000Z", "DTEND:20260303T080000Z", "DTSTAMP:20260302T100000Z");
		var continuations = lines.stream().filter(line -> line.startsWith(" ")).count();
		assertThat(continuations).isGreaterThanOrEqualTo(2);
		// every physical line, cut at its CRLF, is valid UTF-8 on its own
		var start = 0;
		for (var i = 0; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				var line = Arrays.copyOfRange(bytes, start, i);
				assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line)).toString())
					.isEqualTo(new String(line, StandardCharsets.UTF_8));
				assertThat(line.length == 0 || (line[0] & 0xC0) != 0x80).as("a line starts inside a UTF-8 sequence").isTrue();
				start = i + 2;
			}
		}
		// unfolded, the summary is the escaped text
		var unfolded = feed.replace("\r\n ", "");
		assertThat(unfolded).contains("SUMMARY:On call: Zoë Ångström-Müller\\, Ünïcödé\\; Bereitschaft")
			.contains("line\\nbreak \\\\ backslash");
	}

	@Test
	void textIsEscaped() {
		assertThat(ICalendar.escape("a,b;c\\d\ne\r\nf")).isEqualTo("a\\,b\\;c\\\\d\\ne\\nf");
	}
}
