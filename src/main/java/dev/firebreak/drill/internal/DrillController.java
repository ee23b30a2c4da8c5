package dev.firebreak.drill.internal;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.firebreak.drill.Drills;
import dev.firebreak.drill.internal.DrillReport.DrillView;
import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Severity;
import dev.firebreak.platform.Page;

/** The fire drill API. Everyone reads drills and their reports; responders (and admins) start and end them. */
@RestController
@RequestMapping("/api/v1/drills")
class DrillController {

	private final Drills drills;

	private final DrillReports reports;

	DrillController(Drills drills, DrillReports reports) {
		this.drills = drills;
		this.reports = reports;
	}

	@GetMapping
	Page<DrillView> list(@RequestParam(name = "service_id", required = false) UUID serviceId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		var found = drills.list(serviceId, Page.Request.of(page, size));
		return new Page<>(reports.views(found.items()), found.total());
	}

	@GetMapping("/{id}")
	DrillReport report(@PathVariable UUID id) {
		return reports.report(drills.find(id).orElseThrow(() -> DrillService.notFound(id)));
	}

	@PostMapping
	@PreAuthorize("hasRole('RESPONDER')")
	ResponseEntity<DrillReport> start(@Valid @RequestBody DrillStart request, @AuthenticationPrincipal FirebreakUser user) {
		var drill = drills.start(request.serviceId(), request.severity(), request.summary(), user.id());
		return ResponseEntity.created(URI.create("/api/v1/drills/" + drill.id())).body(reports.report(drill));
	}

	@PostMapping("/{id}/end")
	@PreAuthorize("hasRole('RESPONDER')")
	DrillReport end(@PathVariable UUID id, @AuthenticationPrincipal FirebreakUser user) {
		return reports.report(drills.end(id, user.id()));
	}

	/** @param severity {@code SEV1}..{@code SEV4}; absent for the configured default (SEV2) */
	record DrillStart(UUID serviceId, Severity severity, @Size(max = DrillService.SUMMARY_MAX) String summary) {
	}
}
