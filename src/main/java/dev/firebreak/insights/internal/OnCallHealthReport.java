package dev.firebreak.insights.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.identity.Account;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.WorkingHours;
import dev.firebreak.identity.WorkingHoursBook;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Severity;
import dev.firebreak.notification.Notifications;
import dev.firebreak.notification.PageRecord;
import dev.firebreak.platform.FirebreakPolicy;

/**
 * On-call health per person per on-call week: the ISO week from Monday 00:00 in the person's own
 * time zone. A week is reported whole when it overlaps the period, so its numbers can be held
 * against the weekly thresholds ({@code firebreak.policy.on-call-health}).
 */
@Component
class OnCallHealthReport {

	/** Beyond a week on both sides, plus the widest time zone offset: the pages of every week that overlaps. */
	private static final Duration MARGIN = Duration.ofDays(7).plusHours(14);

	private final Notifications notifications;

	private final CountedIncidents incidents;

	private final Accounts accounts;

	private final WorkingHoursBook workingHours;

	private final FirebreakPolicy policy;

	OnCallHealthReport(Notifications notifications, CountedIncidents incidents, Accounts accounts,
			WorkingHoursBook workingHours, FirebreakPolicy policy) {
		this.notifications = notifications;
		this.incidents = incidents;
		this.accounts = accounts;
		this.workingHours = workingHours;
		this.policy = policy;
	}

	/**
	 * One person's on-call week.
	 *
	 * @param afterHoursPages pages outside the person's working hours: the basis for comp time
	 * @param sev1TimeToAck mean time to acknowledge of the SEV1 incidents that paged the person that
	 *        week (the incident's acknowledgement, whoever gave it); null when none paged them
	 * @param runbookShare share of the pages that pointed to a runbook
	 */
	record PersonWeek(UUID accountId, String name, String timeZone, LocalDate week, Instant weekStart, Instant weekEnd,
			boolean ownWorkingHours, int pages, Health pagesHealth, int afterHoursPages, Health afterHoursHealth,
			int sev1Incidents, Duration sev1TimeToAck, Health sev1Health, int sev2Incidents, Duration sev2TimeToAck,
			Health sev2Health, Double runbookShare, Health runbookHealth, Health overall) {
	}

	List<PersonWeek> report(ReportPeriod period, UUID person) {
		var pages = notifications.pages(period.from().minus(MARGIN), period.to().plus(MARGIN)).stream()
			.filter(page -> person == null || person.equals(page.accountId()))
			.toList();
		var numbers = pages.stream().map(page -> page.subject().incidentNumber()).filter(Objects::nonNull).toList();
		var paged = numbers.isEmpty() ? Map.<Long, Incident>of() : incidents.byNumber(numbers);
		// a page about an incident the reports do not count is not counted either
		pages = pages.stream().filter(page -> page.subject().incidentNumber() == null
				|| paged.containsKey(page.subject().incidentNumber())).toList();
		var people = pages.stream().map(PageRecord::accountId).distinct().toList();
		var found = accounts.findAll(people);
		var hours = workingHours.of(people);
		var weeks = new LinkedHashMap<WeekOf, List<PageRecord>>();
		for (var page : pages) {
			var account = found.get(page.accountId());
			if (account != null) {
				var week = page.at().atZone(zone(account)).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				weeks.computeIfAbsent(new WeekOf(page.accountId(), week), k -> new ArrayList<>()).add(page);
			}
		}
		var report = new ArrayList<PersonWeek>();
		weeks.forEach((key, weekPages) -> {
			var account = found.get(key.accountId());
			var zone = zone(account);
			var start = key.week().atStartOfDay(zone).toInstant();
			var end = key.week().plusWeeks(1).atStartOfDay(zone).toInstant();
			if (start.isBefore(period.to()) && end.isAfter(period.from())) {
				report.add(week(account, zone, key.week(), start, end, weekPages, paged, hours.get(account.id())));
			}
		});
		report.sort(Comparator.comparing(PersonWeek::week).thenComparing(PersonWeek::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(PersonWeek::accountId));
		return report;
	}

	private record WeekOf(UUID accountId, LocalDate week) {
	}

	private PersonWeek week(Account account, ZoneId zone, LocalDate week, Instant start, Instant end,
			List<PageRecord> pages, Map<Long, Incident> paged, WorkingHours hours) {
		var thresholds = policy.onCallHealth();
		var afterHours = (int) pages.stream().filter(page -> !hours.contains(page.at(), zone)).count();
		var pagedBy = pages.stream().map(page -> page.subject().incidentNumber()).filter(Objects::nonNull).distinct()
			.map(paged::get).toList();
		var sev1 = pagedBy.stream().filter(i -> i.severity() == Severity.SEV1).toList();
		var sev2 = pagedBy.stream().filter(i -> i.severity() == Severity.SEV2).toList();
		var sev1Ack = Stat.of(sev1.stream().map(i -> i.milestones().timeToAcknowledge()).toList()).mean();
		var sev2Ack = Stat.of(sev2.stream().map(i -> i.milestones().timeToAcknowledge()).toList()).mean();
		var withRunbook = pages.stream().filter(page -> page.runbookId() != null).count();
		var share = pages.isEmpty() ? null : (double) withRunbook / pages.size();
		var pagesHealth = Health.of(pages.size(), thresholds.pages());
		var afterHoursHealth = Health.of(afterHours, thresholds.afterHoursPages());
		var sev1Health = Health.of(sev1Ack, thresholds.sev1TimeToAck());
		var sev2Health = Health.of(sev2Ack, thresholds.sev2TimeToAck());
		var runbookHealth = Health.of(share, thresholds.pagesWithRunbook());
		return new PersonWeek(account.id(), account.displayName(), zone.getId(), week, start, end, hours.own(),
				pages.size(), pagesHealth, afterHours, afterHoursHealth, sev1.size(), sev1Ack, sev1Health, sev2.size(),
				sev2Ack, sev2Health, share, runbookHealth,
				Health.worst(pagesHealth, afterHoursHealth, sev1Health, sev2Health, runbookHealth));
	}

	static ZoneId zone(Account account) {
		try {
			return ZoneId.of(account.timeZone());
		}
		catch (DateTimeException | NullPointerException e) {
			return ZoneOffset.UTC;
		}
	}
}
