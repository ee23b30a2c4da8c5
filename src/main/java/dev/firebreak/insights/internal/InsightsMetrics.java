package dev.firebreak.insights.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.stereotype.Component;

import dev.firebreak.insights.internal.OnCallHealthReport.PersonWeek;
import dev.firebreak.insights.internal.ResponseTimes.Row;

/**
 * The reports' headline numbers as gauges: {@code firebreak_incident_mtta_seconds{severity}} (and
 * {@code _mttm_}, {@code _mttr_}) and {@code firebreak_incidents{severity}} over the last
 * {@code firebreak.insights.metrics.period}; {@code firebreak_oncall_pages{person}} and
 * {@code firebreak_oncall_after_hours_pages{person}} for each paged person's current on-call week
 * ({@code person} is the account id). The numbers come from a snapshot each instance computes when
 * a scrape finds it older than {@code cache-for}, so scrapes never read the database more often.
 * A person paged for the first time shows from the scrape after the one that computed it.
 */
@Component
class InsightsMetrics {

	static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4", ResponseTimes.UNCLASSIFIED);

	private final ResponseTimes responseTimes;

	private final OnCallHealthReport onCallHealth;

	private final InsightsSettings settings;

	private final Clock clock;

	private final MultiGauge pages;

	private final MultiGauge afterHoursPages;

	private volatile Snapshot snapshot;

	InsightsMetrics(MeterRegistry registry, ResponseTimes responseTimes, OnCallHealthReport onCallHealth,
			InsightsSettings settings, Clock clock) {
		this.responseTimes = responseTimes;
		this.onCallHealth = onCallHealth;
		this.settings = settings;
		this.clock = clock;
		for (var severity : SEVERITIES) {
			gauge(registry, "firebreak.incident.mtta", "mean time to acknowledge (acknowledged - detected)", severity,
					row -> Stat.seconds(row.mtta().current().mean()));
			gauge(registry, "firebreak.incident.mttm", "mean time to mitigate (mitigated - detected)", severity,
					row -> Stat.seconds(row.mttm().current().mean()));
			gauge(registry, "firebreak.incident.mttr", "mean time to resolve (resolved - detected)", severity,
					row -> Stat.seconds(row.mttr().current().mean()));
			Gauge.builder("firebreak.incidents", this, metrics -> {
				var row = metrics.current().bySeverity().get(severity);
				return row == null ? 0 : row.incidents();
			}).description("incidents detected in the last firebreak.insights.metrics.period").tag("severity", severity)
				.register(registry);
		}
		this.pages = MultiGauge.builder("firebreak.oncall.pages")
			.description("pages asked for this person in their current on-call week").register(registry);
		this.afterHoursPages = MultiGauge.builder("firebreak.oncall.after.hours.pages")
			.description("pages outside the person's working hours in their current on-call week (the basis for comp time)")
			.register(registry);
	}

	private void gauge(MeterRegistry registry, String name, String description, String severity,
			Function<Row, Double> value) {
		Gauge.builder(name, this, metrics -> {
			var row = metrics.current().bySeverity().get(severity);
			var seconds = row == null ? null : value.apply(row);
			return seconds == null ? Double.NaN : seconds;
		}).description(description + " of the incidents detected in the last firebreak.insights.metrics.period")
			.baseUnit("seconds").tag("severity", severity).register(registry);
	}

	private record Snapshot(Instant at, Map<String, Row> bySeverity, List<PersonWeek> currentWeeks) {
	}

	/** The snapshot, computed again (once, whoever asks at the same time) when it is older than cache-for. */
	Snapshot current() {
		var now = clock.instant();
		var known = snapshot;
		if (known != null && known.at().plus(settings.metrics().cacheFor()).isAfter(now) && !known.at().isAfter(now)) {
			return known;
		}
		synchronized (this) {
			known = snapshot;
			if (known != null && known.at().plus(settings.metrics().cacheFor()).isAfter(now) && !known.at().isAfter(now)) {
				return known;
			}
			var fresh = new Snapshot(now, responseTimes.bySeverity(ReportPeriod.last(settings.metrics().period(), clock)),
					onCallHealth.report(new ReportPeriod(now, now.plusMillis(1)), null));
			snapshot = fresh;
			pages.register(fresh.currentWeeks().stream()
				.map(week -> MultiGauge.Row.of(Tags.of("person", week.accountId().toString()), week.pages())).toList(), true);
			afterHoursPages.register(fresh.currentWeeks().stream()
				.map(week -> MultiGauge.Row.of(Tags.of("person", week.accountId().toString()), week.afterHoursPages()))
				.toList(), true);
			return fresh;
		}
	}
}
