package dev.firebreak.insights.internal;

import java.time.Duration;

/** Durations as people read them on a page: "4 min 30 s", "2 h 5 min", "3 d 4 h"; "—" for none. */
final class HumanDuration {

	private HumanDuration() {
	}

	static String of(Duration duration) {
		if (duration == null) {
			return "—";
		}
		var sign = duration.isNegative() ? "−" : "";
		var seconds = Math.abs(duration.toSeconds());
		if (seconds < 60) {
			return sign + seconds + " s";
		}
		if (seconds < 3600) {
			return sign + (seconds / 60) + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
		}
		if (seconds < 86_400) {
			return sign + (seconds / 3600) + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
		}
		return sign + (seconds / 86_400) + " d" + (seconds % 86_400 / 3600 == 0 ? "" : " " + seconds % 86_400 / 3600 + " h");
	}
}
