package dev.firebreak.drill.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.alerting.AlertSeverity;
import dev.firebreak.alerting.Alerts;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.Runbooks;
import dev.firebreak.drill.Drill;
import dev.firebreak.drill.Drills;
import dev.firebreak.escalation.EscalationPolicies;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.DrillIncidents;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.FirebreakPolicy;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;

/**
 * Starts and ends drills. A drill takes the real path: its alert goes through alerting's fold and
 * opens a drill incident at the drill's severity, which the escalation engine pages like any other.
 */
@Service
class DrillService implements Drills {

	static final int SUMMARY_MAX = 1024;

	private final DrillStore store;

	private final Alerts alerts;

	private final DrillIncidents incidents;

	private final Catalog catalog;

	private final Runbooks runbooks;

	private final EscalationPolicies policies;

	private final AuditLog audit;

	private final FirebreakPolicy policy;

	private final Clock clock;

	private final Severity defaultSeverity;

	DrillService(DrillStore store, Alerts alerts, DrillIncidents incidents, Catalog catalog, Runbooks runbooks,
			EscalationPolicies policies,
			AuditLog audit, FirebreakPolicy policy, Clock clock,
			@Value("${firebreak.drill.default-severity}") Severity defaultSeverity) {
		this.store = store;
		this.alerts = alerts;
		this.incidents = incidents;
		this.catalog = catalog;
		this.runbooks = runbooks;
		this.policies = policies;
		this.audit = audit;
		this.policy = policy;
		this.clock = clock;
		this.defaultSeverity = defaultSeverity;
	}

	@Override
	@Transactional
	public Drill start(UUID serviceId, Severity severity, String summary, UUID actor) {
		if (serviceId == null) {
			throw Problems.invalid("/service_id", "service_id is required: the service whose response is practised");
		}
		var service = catalog.service(serviceId).orElseThrow(() -> Problems.invalid("/service_id",
				"No service " + serviceId + "; GET /api/v1/services lists them"));
		var said = Text.optional("/summary", summary, SUMMARY_MAX);
		if (policies.forService(serviceId).isEmpty()) {
			throw Problems.invalid("/service_id", service.name() + " has no escalation policy: a drill would page nobody. "
					+ "Attach one to it first (an administrator does, under Escalation)");
		}
		store.running(serviceId).ifPresent(running -> {
			throw Problems.conflict(service.name() + " is running a drill already (" + running.incidentId()
					+ ", started " + running.startedAt() + "); end it with POST /api/v1/drills/" + running.id() + "/end");
		});
		var chosen = severity == null ? defaultSeverity : severity;
		var text = said == null || said.isEmpty() ? "Fire drill on " + service.name() : said;
		var id = UUID.randomUUID();
		var alert = alerts.raiseDrill(serviceId, "drill-" + id, alertSeverity(chosen), text);
		var incident = incidents.openDrill(alert.id(), chosen);
		var ackTarget = policy.severity(chosen.name()).ackTarget();
		var drill = new Drill(id, serviceId, runbookFor(serviceId), chosen, text, actor, alert.firstSeenAt(), alert.id(),
				incident.number(), null, null, null, null, null, null, ackTarget, mitigateTarget(chosen, ackTarget));
		store.insert(drill);
		audit.record("drill.started", "drill", id.toString(), chosen + " drill on " + service.name() + " ("
				+ incident.id() + "): " + text);
		return drill;
	}

	@Override
	@Transactional
	public Drill end(UUID drillId, UUID actor) {
		var drill = store.lock(drillId).orElseThrow(() -> notFound(drillId));
		if (!drill.isRunning()) {
			return drill;
		}
		incidents.endDrill(drill.incidentNumber(), actor);
		alerts.resolveDrill(drill.alertId());
		store.ended(drill.incidentNumber(), clock.instant(), actor);
		audit.record("drill.ended", "drill", drillId.toString(), drill.severity() + " drill " + drill.incidentId()
				+ " ended");
		return store.find(drillId).orElseThrow();
	}

	@Override
	public Optional<Drill> find(UUID drillId) {
		return store.find(drillId);
	}

	@Override
	public Page<Drill> list(UUID serviceId, Page.Request page) {
		return store.list(serviceId, page);
	}

	/**
	 * The runbook a drill on this service is recorded against: the service's general runbook (a
	 * drill alert carries no fields a matcher could name); null when it has none.
	 */
	UUID runbookFor(UUID serviceId) {
		return runbooks.forServices(List.of(serviceId)).map(Runbook::id).orElse(null);
	}

	/**
	 * By the book, user impact stops within the ack target and then the time without mitigation
	 * progress that escalates, and a SEV2 before it is run with SEV1 procedures.
	 */
	private Duration mitigateTarget(Severity severity, Duration ackTarget) {
		var target = ackTarget.plus(policy.escalation().noMitigationProgressAfterAck());
		if (severity == Severity.SEV2 && policy.escalation().sev2AsSev1After().compareTo(target) < 0) {
			return policy.escalation().sev2AsSev1After();
		}
		return target;
	}

	/** The alert a monitoring tool would send for such an incident: SEV1 and SEV2 page at high urgency. */
	private static AlertSeverity alertSeverity(Severity severity) {
		return switch (severity) {
			case SEV1, SEV2 -> AlertSeverity.CRITICAL;
			case SEV3 -> AlertSeverity.ERROR;
			case SEV4 -> AlertSeverity.WARNING;
		};
	}

	static RuntimeException notFound(UUID drillId) {
		return Problems.notFound("No drill " + drillId + "; GET /api/v1/drills lists them");
	}
}
