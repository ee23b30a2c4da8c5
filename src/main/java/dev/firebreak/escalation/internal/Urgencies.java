package dev.firebreak.escalation.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.incident.Severity;
import dev.firebreak.notification.Urgency;
import dev.firebreak.platform.FirebreakPolicy;

/**
 * How urgent an incident is, by the policy of its severity: unclassified and SEV1/SEV2 page and
 * escalate; a severity whose ack target counts business hours (SEV3) pages in business hours and
 * only notifies outside them; a severity that does not page (SEV4) only notifies. Business hours
 * are those of the policy, in the time zone of the first service's owner team (UTC without one).
 */
@Component
class Urgencies {

	private final FirebreakPolicy policy;

	private final Catalog catalog;

	Urgencies(FirebreakPolicy policy, Catalog catalog) {
		this.policy = policy;
		this.catalog = catalog;
	}

	Urgency of(Severity severity, List<UUID> serviceIds, Instant at) {
		if (severity == null) {
			return Urgency.HIGH;
		}
		var rules = policy.severity(severity.name());
		if (!rules.page()) {
			return Urgency.LOW;
		}
		if (rules.ackInBusinessHours() && !inBusinessHours(serviceIds, at)) {
			return Urgency.LOW;
		}
		return Urgency.HIGH;
	}

	/** How long a level waits for an acknowledgement when its policy does not say: the severity's ack target. */
	java.time.Duration ackTarget(Severity severity) {
		var named = severity == null ? policy.unclassifiedSeverity() : severity.name();
		return policy.severity(named).ackTarget();
	}

	private boolean inBusinessHours(List<UUID> serviceIds, Instant at) {
		var zone = serviceIds.stream()
			.map(catalog::service)
			.flatMap(java.util.Optional::stream)
			.map(service -> service.ownerTeamId() == null ? null : catalog.team(service.ownerTeamId()).orElse(null))
			.filter(team -> team != null && team.timeZone() != null && !team.timeZone().isBlank())
			.map(team -> ZoneId.of(team.timeZone()))
			.findFirst()
			.orElse(ZoneOffset.UTC);
		var local = at.atZone(zone);
		var hours = policy.businessHours();
		var time = local.toLocalTime();
		return hours.days().contains(local.getDayOfWeek()) && !time.isBefore(hours.start()) && time.isBefore(hours.end());
	}
}
