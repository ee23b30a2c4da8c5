package dev.firebreak.incident.internal;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.alerting.Alert;
import dev.firebreak.catalog.Catalog;
import dev.firebreak.catalog.Change;
import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Declaration;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.IncidentFilter;
import dev.firebreak.incident.IncidentRole;
import dev.firebreak.incident.IncidentSource;
import dev.firebreak.incident.IncidentStatus;
import dev.firebreak.incident.Incidents;
import dev.firebreak.incident.Mitigation;
import dev.firebreak.incident.MitigationLever;
import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineEntry;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.platform.Page;
import dev.firebreak.platform.Problems;

/** The incident API. Incidents are addressed by number, {@code INC-42}; private ones are invisible to outsiders. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

	static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");

	private final Incidents incidents;

	private final Accounts accounts;

	private final Catalog catalog;

	IncidentController(Incidents incidents, Accounts accounts, Catalog catalog) {
		this.incidents = incidents;
		this.accounts = accounts;
		this.catalog = catalog;
	}

	@PostMapping
	ResponseEntity<IncidentView> declare(@Valid @RequestBody DeclareRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var incident = incidents.declare(new Declaration(request.title(), request.summary(), request.severity(),
				request.source(), request.affectedServiceIds(), request.customerImpact(), is(request.customerReported()),
				is(request.dataLossSuspected()), is(request.security()), is(request.isPrivate()), request.detectedAt(),
				request.incidentCommanderId()), user.id());
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + incident.id())).body(IncidentView.of(incident));
	}

	@GetMapping
	Page<IncidentView> list(@RequestParam(required = false) Set<IncidentStatus> status,
			@RequestParam(required = false) Set<Severity> severity,
			@RequestParam(required = false) UUID service,
			@RequestParam(required = false) Instant since,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal FirebreakUser user) {
		return incidents.list(new IncidentFilter(status, severity, service, since), Page.Request.of(page, size), user)
			.map(IncidentView::of);
	}

	@GetMapping("/{id}")
	IncidentView get(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return IncidentView.of(incidents.visible(id, user));
	}

	@PostMapping("/{id}/severity")
	IncidentView changeSeverity(@PathVariable String id, @Valid @RequestBody SeverityRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		return IncidentView.of(incidents.changeSeverity(number, request.severity(), request.reason(), user.id()));
	}

	@PostMapping("/{id}/status")
	IncidentView changeStatus(@PathVariable String id, @Valid @RequestBody StatusRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		return IncidentView.of(incidents.changeStatus(number, request.status(), request.note(), user.id()));
	}

	/** The paged person takes the incident on: escalation stops. Acknowledging twice changes nothing. */
	@PostMapping("/{id}/acknowledge")
	IncidentView acknowledge(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		incidents.acknowledge(number, user.id(), "the API");
		return IncidentView.of(incidents.find(number).orElseThrow());
	}

	@PutMapping("/{id}/roles/{role}")
	IncidentView assignRole(@PathVariable String id, @PathVariable IncidentRole role,
			@Valid @RequestBody RoleRequest request, @AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		return IncidentView.of(incidents.assignRole(number, role, request.accountId(), user.id()));
	}

	@DeleteMapping("/{id}/roles/{role}")
	IncidentView unassignRole(@PathVariable String id, @PathVariable IncidentRole role,
			@RequestParam(name = "account_id", required = false) UUID accountId,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		return IncidentView.of(incidents.unassignRole(number, role, accountId, user.id()));
	}

	@GetMapping("/{id}/timeline")
	List<TimelineView> timeline(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var entries = incidents.timeline(incidents.visible(id, user).number());
		var authors = accounts.findAll(entries.stream().map(TimelineEntry::authorId)
			.filter(java.util.Objects::nonNull).toList());
		return entries.stream().map(e -> TimelineView.of(e,
				e.authorId() == null ? "Firebreak" : authors.containsKey(e.authorId())
						? authors.get(e.authorId()).displayName() : e.authorId().toString()))
			.toList();
	}

	@PostMapping("/{id}/timeline")
	@ResponseStatus(HttpStatus.CREATED)
	TimelineView addNote(@PathVariable String id, @Valid @RequestBody NoteRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		return TimelineView.of(incidents.addNote(number, request.text(), request.corrects(), user.id()),
				user.account().displayName());
	}

	@GetMapping("/{id}/mitigations")
	List<Mitigation> mitigations(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return incidents.mitigations(incidents.visible(id, user).number());
	}

	@PostMapping("/{id}/mitigations")
	@ResponseStatus(HttpStatus.CREATED)
	Mitigation recordMitigation(@PathVariable String id, @Valid @RequestBody MitigationRequest request,
			@AuthenticationPrincipal FirebreakUser user) {
		var number = incidents.visible(id, user).number();
		return incidents.recordMitigation(number, request.lever(), request.description(), is(request.mitigated()),
				user.id());
	}

	/** The last deploy or configuration change of an affected service before the incident was detected. */
	@GetMapping("/{id}/last-change")
	ResponseEntity<Change> lastChange(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		var incident = incidents.visible(id, user);
		return catalog.lastChangeBefore(incident.affectedServiceIds(), incident.milestones().detectedAt())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/{id}/alerts")
	List<Alert> alerts(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return incidents.alerts(incidents.visible(id, user).number());
	}

	@GetMapping(value = "/{id}/summary.md", produces = "text/markdown;charset=UTF-8")
	ResponseEntity<String> summary(@PathVariable String id, @AuthenticationPrincipal FirebreakUser user) {
		return ResponseEntity.ok().contentType(MARKDOWN).body(incidents.summary(incidents.visible(id, user).number()));
	}

	private static boolean is(Boolean flag) {
		return Boolean.TRUE.equals(flag);
	}

	record DeclareRequest(@NotBlank @Size(max = IncidentRules.TITLE_MAX) String title,
			@Size(max = IncidentRules.SUMMARY_MAX) String summary, Severity severity, IncidentSource source,
			@Size(max = IncidentRules.SERVICES_MAX) List<@NotNull UUID> affectedServiceIds,
			@Size(max = IncidentRules.SUMMARY_MAX) String customerImpact,
			Boolean customerReported, Boolean dataLossSuspected, Boolean security,
			@JsonProperty("private") Boolean isPrivate, Instant detectedAt, UUID incidentCommanderId) {
	}

	record SeverityRequest(@NotNull Severity severity,
			@NotBlank(message = "say why the severity changes: what users experience now") @Size(max = IncidentRules.REASON_MAX) String reason) {
	}

	record StatusRequest(@NotNull IncidentStatus status, @Size(max = IncidentRules.NOTE_MAX) String note) {
	}

	record RoleRequest(@NotNull UUID accountId) {
	}

	record NoteRequest(@NotBlank @Size(max = IncidentRules.NOTE_MAX) String text, UUID corrects) {
	}

	record MitigationRequest(@NotNull MitigationLever lever,
			@NotBlank @Size(max = IncidentRules.SUMMARY_MAX) String description, Boolean mitigated) {
	}

	record IncidentView(String id, long number, String title, String summary, Severity severity, IncidentStatus status,
			IncidentSource source, List<UUID> affectedServiceIds, String customerImpact, boolean customerReported,
			boolean dataLossSuspected, boolean security, @JsonProperty("private") boolean isPrivate, UUID declaredBy,
			Instant detectedAt, Instant declaredAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt,
			Instant closedAt, Map<String, UUID> roles, List<UUID> subjectMatterExperts, List<IncidentStatus> allowedStatuses,
			Severity procedures, Instant unacknowledgedAfterEscalationAt, boolean drill) {

		static IncidentView of(Incident i) {
			var m = i.milestones();
			var roles = new LinkedHashMap<String, UUID>();
			i.roles().forEach((role, account) -> roles.put(role.toString(), account));
			return new IncidentView(i.id(), i.number(), i.title(), i.summary(), i.severity(), i.status(), i.source(),
					i.affectedServiceIds(), i.customerImpact(), i.customerReported(), i.dataLossSuspected(),
					i.security(), i.isPrivate(), i.declaredBy(), m.detectedAt(), m.declaredAt(), m.acknowledgedAt(),
					m.mitigatedAt(), m.resolvedAt(), m.closedAt(), roles, i.subjectMatterExperts(),
					List.copyOf(i.status().next()), i.procedures(), i.unacknowledgedAfterEscalationAt(), i.drill());
		}
	}

	record TimelineView(UUID id, Instant at, UUID authorId, String author, TimelineKind kind, String text,
			UUID corrects) {

		static TimelineView of(TimelineEntry e, String author) {
			return new TimelineView(e.id(), e.at(), e.authorId(), author, e.kind(), e.text(), e.corrects());
		}
	}
}
