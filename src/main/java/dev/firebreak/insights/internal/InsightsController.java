package dev.firebreak.insights.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.insights.internal.OnCallHealthReport.PersonWeek;
import dev.firebreak.insights.internal.ResponseTimes.Grouping;
import dev.firebreak.insights.internal.ResponseTimes.Metric;
import dev.firebreak.insights.internal.ResponseTimes.Scope;

/**
 * The reports as JSON and CSV. Anyone signed in may read them (viewers too): they are numbers,
 * never an incident. {@code from}/{@code to} are UTC instants or dates; the default is the last
 * {@code firebreak.insights.default-period}.
 */
@RestController
@RequestMapping("/api/v1/insights")
class InsightsController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ResponseTimes responseTimes;

	private final OnCallHealthReport onCallHealth;

	private final NoiseReport noise;

	private final InsightsSettings settings;

	private final Clock clock;

	InsightsController(ResponseTimes responseTimes, OnCallHealthReport onCallHealth, NoiseReport noise,
			InsightsSettings settings, Clock clock) {
		this.responseTimes = responseTimes;
		this.onCallHealth = onCallHealth;
		this.noise = noise;
		this.settings = settings;
		this.clock = clock;
	}

	/** MTTA, MTTM and MTTR by severity, service or team, with the period before and the change. */
	@GetMapping("/response")
	ResponseView response(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String by, @RequestParam(name = "service_id", required = false) UUID serviceId,
			@RequestParam(name = "team_id", required = false) UUID teamId) {
		var report = responseTimes.report(ReportPeriod.of(from, to, clock, settings), Grouping.parse(by),
				new Scope(serviceId, teamId));
		var rows = report.rows().stream().map(RowView::of).toList();
		return new ResponseView(report.period().from(), report.period().to(), report.previous().from(),
				report.previous().to(), report.by().key(), rows, rows.size());
	}

	@GetMapping("/response.csv")
	ResponseEntity<String> responseCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String by,
			@RequestParam(name = "service_id", required = false) UUID serviceId,
			@RequestParam(name = "team_id", required = false) UUID teamId) {
		var report = response(from, to, by, serviceId, teamId);
		var columns = new ArrayList<>(List.of("from", "to", "by", "key", "name", "incidents", "previous_incidents"));
		for (var metric : List.of("mtta", "mttm", "mttr")) {
			for (var column : List.of("count", "mean_seconds", "median_seconds", "p90_seconds", "previous_mean_seconds",
					"change_seconds", "change_percent")) {
				columns.add(metric + "_" + column);
			}
		}
		var rows = report.items().stream().map(row -> {
			var cells = new ArrayList<Object>(List.of(report.from(), report.to(), report.by(), row.key(), row.name(),
					row.incidents(), row.previousIncidents()));
			for (var metric : List.of(row.mtta(), row.mttm(), row.mttr())) {
				cells.addAll(java.util.Arrays.asList(metric.count(), metric.meanSeconds(), metric.medianSeconds(),
						metric.p90Seconds(), metric.previousMeanSeconds(), metric.changeSeconds(), metric.changePercent()));
			}
			return (List<Object>) cells;
		}).toList();
		return csv("response-times.csv", Csv.write(columns, rows));
	}

	/** Each person's on-call weeks that overlap the period, each measure coloured, the week the worst of them. */
	@GetMapping("/on-call-health")
	OnCallHealthView onCallHealth(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) UUID person) {
		var period = ReportPeriod.of(from, to, clock, settings);
		var weeks = onCallHealth.report(period, person);
		return new OnCallHealthView(period.from(), period.to(), weeks, weeks.size());
	}

	@GetMapping("/on-call-health.csv")
	ResponseEntity<String> onCallHealthCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) UUID person) {
		var columns = List.of("week", "week_start", "week_end", "account_id", "name", "time_zone", "own_working_hours",
				"pages", "pages_health", "after_hours_pages_comp_time_basis", "after_hours_health", "sev1_incidents",
				"sev1_mtta_seconds", "sev1_health", "sev2_incidents", "sev2_mtta_seconds", "sev2_health", "runbook_share",
				"runbook_health", "overall");
		var rows = onCallHealth(from, to, person).items().stream().map(w -> java.util.Arrays.<Object>asList(w.week(),
				w.weekStart(), w.weekEnd(), w.accountId(), w.name(), w.timeZone(), w.ownWorkingHours(), w.pages(),
				key(w.pagesHealth()), w.afterHoursPages(), key(w.afterHoursHealth()), w.sev1Incidents(),
				Stat.seconds(w.sev1TimeToAck()), key(w.sev1Health()), w.sev2Incidents(), Stat.seconds(w.sev2TimeToAck()),
				key(w.sev2Health()), w.runbookShare(), key(w.runbookHealth()), key(w.overall()))).toList();
		return csv("on-call-health.csv", Csv.write(columns, rows));
	}

	/** Alerts that paged for nothing, flapping alerts, and who pages most out of hours. */
	@GetMapping("/noise")
	NoiseReport.Noise noise(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(name = "service_id", required = false) UUID serviceId,
			@AuthenticationPrincipal FirebreakUser viewer) {
		return noise.report(ReportPeriod.of(from, to, clock, settings, settings.noise().maxRange(),
				"firebreak.insights.noise.max-range"), serviceId, viewer);
	}

	private static String key(Health health) {
		return health == null ? null : health.key();
	}

	private static ResponseEntity<String> csv(String filename, String body) {
		return ResponseEntity.ok().contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
	}

	record ResponseView(Instant from, Instant to, Instant previousFrom, Instant previousTo, String by, List<RowView> items,
			long total) {
	}

	/** @param key the severity, the service id or the team id; {@code none} for incidents without one */
	record RowView(String key, String name, int incidents, int previousIncidents, MetricView mtta, MetricView mttm,
			MetricView mttr) {

		static RowView of(ResponseTimes.Row row) {
			return new RowView(row.key(), row.name(), row.incidents(), row.previousIncidents(), MetricView.of(row.mtta()),
					MetricView.of(row.mttm()), MetricView.of(row.mttr()));
		}
	}

	/**
	 * One milestone's times: durations ISO-8601 and the same in seconds; {@code count} incidents reached
	 * it (the others skipped it and are left out); {@code change} is the mean's against the period before.
	 */
	record MetricView(int count, Duration mean, Duration median, Duration p90, Double meanSeconds, Double medianSeconds,
			Double p90Seconds, int previousCount, Duration previousMean, Double previousMeanSeconds, Duration change,
			Double changeSeconds, Double changePercent) {

		static MetricView of(Metric metric) {
			var now = metric.current();
			var before = metric.previous();
			return new MetricView(now.count(), now.mean(), now.median(), now.p90(), Stat.seconds(now.mean()),
					Stat.seconds(now.median()), Stat.seconds(now.p90()), before.count(), before.mean(),
					Stat.seconds(before.mean()), metric.change(), Stat.seconds(metric.change()), metric.changePercent());
		}
	}

	record OnCallHealthView(Instant from, Instant to, List<PersonWeek> items, long total) {
	}
}
