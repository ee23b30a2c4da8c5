package dev.firebreak.oncall.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The on-call module's settings ({@code firebreak.oncall}), checked at start-up.
 *
 * @param maxRange the longest range one request for shifts may ask for
 * @param shiftContext how far beyond a requested range a shift is followed, so a shift that began
 *        before the range shows its real start (and one that ends after it its real end)
 * @param lint what rotation lint looks at
 * @param calendar what calendar feeds hold
 * @param handoff when people and channels are told about hand-offs
 */
@ConfigurationProperties("firebreak.oncall")
record OnCallSettings(Duration maxRange, Duration shiftContext, Lint lint, Calendar calendar, Handoff handoff) {

	OnCallSettings {
		positive("max-range", maxRange);
		positive("shift-context", shiftContext);
		if (lint == null || lint.weeks() < 2 || lint.minParticipants() < 1 || lint.weekShare() <= 0
				|| lint.weekShare() > 1) {
			throw new IllegalArgumentException("firebreak.oncall.lint needs weeks >= 2, min-participants >= 1 and "
					+ "week-share in (0, 1], not " + lint);
		}
		if (calendar == null) {
			throw new IllegalArgumentException("firebreak.oncall.calendar must be set");
		}
		positive("calendar.past", calendar.past());
		positive("calendar.ahead", calendar.ahead());
		if (handoff == null) {
			throw new IllegalArgumentException("firebreak.oncall.handoff must be set");
		}
		positive("handoff.check-every", handoff.checkEvery());
		positive("handoff.notice-before", handoff.noticeBefore());
		if (handoff.openIncidents() < 1) {
			throw new IllegalArgumentException("firebreak.oncall.handoff.open-incidents must be 1 or more, not "
					+ handoff.openIncidents());
		}
	}

	/**
	 * @param weeks how many weeks ahead, from the Monday of this week, lint looks at
	 * @param weekShare the share of a week's on-call time that makes a person "on call that week"
	 * @param minParticipants a rotation with fewer different people is reported
	 */
	record Lint(int weeks, double weekShare, int minParticipants) {
	}

	/** A feed holds the shifts from {@code past} ago to {@code ahead} from now. */
	record Calendar(Duration past, Duration ahead) {
	}

	/**
	 * @param checkEvery how often the hand-off check runs (once across all instances)
	 * @param noticeBefore how long before a shift starts its person is told
	 * @param openIncidents the most open incidents a hand-off notice lists
	 */
	record Handoff(Duration checkEvery, Duration noticeBefore, int openIncidents) {

		/** How far back the check looks for changes of who is on call: two runs, so a late run misses none. */
		Duration lookback() {
			return checkEvery.multipliedBy(2);
		}
	}

	private static void positive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("firebreak.oncall." + name + " must be a positive duration, not " + value);
		}
	}
}
