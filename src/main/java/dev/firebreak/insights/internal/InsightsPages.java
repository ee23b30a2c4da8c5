package dev.firebreak.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.insights.internal.ResponseTimes.Grouping;
import dev.firebreak.insights.internal.ResponseTimes.Scope;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Problems;

/**
 * The insights pages, for everyone signed in (viewers too). The period is chosen in the address:
 * {@code ?days=7}, or {@code ?from=2026-03-01&to=2026-03-31} (UTC dates, {@code to} included).
 */
@Controller
class InsightsPages {

	private static final String VIEW = "insights/insights";

	private static final String NOISE_VIEW = "insights/noise";

	private static final List<Integer> QUICK_PERIODS = List.of(7, 30, 90);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final ResponseTimes responseTimes;

	private final OnCallHealthReport onCallHealth;

	private final NoiseReport noise;

	private final InsightsSettings settings;

	private final Clock clock;

	private final FirebreakPolicy policy;

	InsightsPages(ResponseTimes responseTimes, OnCallHealthReport onCallHealth, NoiseReport noise,
			InsightsSettings settings, Clock clock, FirebreakPolicy policy) {
		this.policy = policy;
		this.responseTimes = responseTimes;
		this.onCallHealth = onCallHealth;
		this.noise = noise;
		this.settings = settings;
		this.clock = clock;
	}

	/** @param serviceId optional: the response times of one service's incidents only */
	@GetMapping("/insights")
	String insights(@RequestParam(required = false) String days, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(name = "service_id", required = false) UUID serviceId,
			Model model) {
		var period = period(days, from, to, settings.maxRange(), "firebreak.insights.max-range", model);
		var scope = new Scope(serviceId, null);
		var report = responseTimes.report(period, Grouping.SEVERITY, scope);
		var weeks = responseTimes.weekly(period, scope);
		var labels = weeks.stream().map(w -> "week of " + w.week()).toList();
		model.addAttribute("chart", LineChart.of("Mean response times per week (UTC weeks from Monday)", labels,
				List.of(new LineChart.Series("MTTA", weeks.stream().map(w -> minutes(w.mtta())).toList()),
						new LineChart.Series("MTTM", weeks.stream().map(w -> minutes(w.mttm())).toList()),
						new LineChart.Series("MTTR", weeks.stream().map(w -> minutes(w.mttr())).toList())),
				minutes -> HumanDuration.of(Duration.ofMillis(Math.round(minutes * 60_000)))));
		model.addAttribute("weeks", weeks);
		model.addAttribute("report", report);
		model.addAttribute("health", onCallHealth.report(period, null));
		model.addAttribute("thresholds", policy.onCallHealth());
		return VIEW;
	}

	/** @param serviceId optional: one service's alerts only */
	@GetMapping("/insights/noise")
	String noise(@RequestParam(required = false) String days, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(name = "service_id", required = false) UUID serviceId,
			@AuthenticationPrincipal FirebreakUser viewer, Model model) {
		var period = period(days, from, to, settings.noise().maxRange(), "firebreak.insights.noise.max-range", model);
		model.addAttribute("noise", noise.report(period, serviceId, viewer));
		return NOISE_VIEW;
	}

	private ReportPeriod period(String days, String from, String to, Duration maxRange, String setting, Model model) {
		ReportPeriod period;
		if (days != null && !days.isBlank()) {
			int count;
			try {
				count = Integer.parseInt(days.trim());
			}
			catch (NumberFormatException e) {
				throw Problems.invalid("/days", "days must be a whole number of days, like 30");
			}
			if (count < 1 || Duration.ofDays(count).compareTo(maxRange) > 0) {
				throw Problems.invalid("/days", "days must be from 1 to " + maxRange.toDays() + " (" + setting + ")");
			}
			period = ReportPeriod.last(Duration.ofDays(count), clock);
		}
		else {
			period = ReportPeriod.of(from, to, clock, settings, maxRange, setting);
		}
		model.addAttribute("period", period);
		model.addAttribute("periodText", TIME.format(period.from()) + " to " + TIME.format(period.to()));
		model.addAttribute("previousText", TIME.format(period.previous().from()) + " to " + TIME.format(period.from()));
		model.addAttribute("fromDay", DAY.format(period.from()));
		model.addAttribute("toDay", DAY.format(period.to().minusMillis(1)));
		model.addAttribute("quickPeriods",
				QUICK_PERIODS.stream().filter(d -> Duration.ofDays(d).compareTo(maxRange) <= 0).toList());
		model.addAttribute("human", new Human());
		return period;
	}

	private static Double minutes(Duration duration) {
		return duration == null ? null : duration.toMillis() / 60_000.0;
	}

	/** Formatting the templates call. */
	public static final class Human {

		public String duration(Duration duration) {
			return HumanDuration.of(duration);
		}

		public String time(java.time.Instant instant) {
			return instant == null ? "—" : TIME.format(instant);
		}

		public String percent(Double value) {
			return value == null ? "—" : Math.round(value * 100) + " %";
		}

		public String change(Double percent) {
			return percent == null ? "" : (percent > 0 ? "+" : "") + percent + " %";
		}
	}
}
