package dev.firebreak.comms.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Clock times in a text and whether each carries its time zone. A time counts as zoned when a zone
 * follows it ("14:30 UTC", "14:30Z", "14:30:00+01:00", "2 pm Pacific Time", "09:00 (Europe/Berlin)")
 * or directly precedes it ("UTC 14:30"). Times joined into a range ("14:00–14:30 UTC", "from 2 pm to
 * 3 pm CET") share the zone written after the last of them.
 */
final class ClockTimes {

	private ClockTimes() {
	}

	private static final String AM_PM = "(?:[ap]\\.m\\.|[ap]m(?![\\p{L}]))";

	/** "14:30", "14:30:05", "2:30 pm", "9am", "9 a.m."; not part of a longer number, ratio or version. */
	static final Pattern CLOCK = Pattern.compile("(?<![\\p{N}:.,])(?:(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d{1,9})?)?(?:\\s*" + AM_PM
			+ ")?|(?:1[0-2]|0?[1-9])\\s*" + AM_PM + ")(?![\\p{N}])", Pattern.CASE_INSENSITIVE);

	/** Abbreviations, offsets, IANA names and spelled-out zones. Case-sensitive: "ET" is a zone, "et" is not. */
	private static final String ZONE = "(?:(?:UTC|GMT)(?:\\s*[+\\-−]\\s*\\d{1,2}(?::?\\d{2})?)?"
			+ "|(?:CET|CEST|EET|EEST|WET|WEST|BST|IST|PST|PDT|PT|MST|MDT|MT|CST|CDT|CT|EST|EDT|ET|AKST|AKDT|HST|AEST|AEDT|ACST|AWST"
			+ "|JST|KST|SGT|HKT|NZST|NZDT|BRT|SAST|MSK|Z)(?![\\p{L}\\p{N}])"
			+ "|[+−]\\d{1,2}(?::?\\d{2})?(?![\\p{N}])"
			// a negative offset only straight after seconds, so "14:00-15:00" stays a range
			+ "|(?<=\\d:\\d\\d:\\d\\d)-\\d{2}:?\\d{2}"
			+ "|(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z_]+(?:/[A-Za-z_]+)?"
			+ "|(?!Local\\b)(?:[A-Z][a-z]+\\s+){1,3}(?:(?:Standard|Daylight|Summer)\\s+)?[Tt]ime(?![\\p{L}]))";

	private static final Pattern ZONE_ANYWHERE = Pattern.compile(ZONE);
	private static final Pattern ZONE_AFTER = Pattern.compile("\\s*\\(?\\s*" + ZONE);
	private static final Pattern ZONE_BEFORE = Pattern.compile(ZONE + "\\s*:?\\s*$");
	private static final Pattern RANGE_JOIN = Pattern.compile("\\s*(?:-|–|—|to|until|till|and|through)\\s*", Pattern.CASE_INSENSITIVE);

	/** Every clock time in the text, in order, leaving out the digits of zone offsets such as "UTC+01:00". */
	static List<MatchResult> all(String text) {
		var zones = ZONE_ANYWHERE.matcher(text).results().toList();
		return CLOCK.matcher(text).results()
				.filter(time -> zones.stream().noneMatch(zone -> zone.start() <= time.start() && time.end() <= zone.end()))
				.toList();
	}

	/** The clock times that have no time zone, in order. */
	static List<MatchResult> withoutZone(String text) {
		var times = all(text);
		var unzoned = new ArrayList<MatchResult>();
		var range = new ArrayList<MatchResult>();
		for (int i = 0; i < times.size(); i++) {
			range.add(times.get(i));
			var last = i + 1 == times.size();
			if (!last && RANGE_JOIN.matcher(text.substring(times.get(i).end(), times.get(i + 1).start())).matches()) {
				continue;
			}
			if (!zoned(text, range.get(0).start(), range.get(range.size() - 1).end())) {
				unzoned.addAll(range);
			}
			range.clear();
		}
		return unzoned;
	}

	private static boolean zoned(String text, int start, int end) {
		var after = ZONE_AFTER.matcher(text).region(end, text.length()).useTransparentBounds(true);
		if (after.lookingAt()) {
			return true;
		}
		return ZONE_BEFORE.matcher(text).region(0, start).useTransparentBounds(true).find();
	}
}
