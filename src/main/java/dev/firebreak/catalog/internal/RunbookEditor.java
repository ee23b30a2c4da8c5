package dev.firebreak.catalog.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.RunbookMatcher;
import dev.firebreak.catalog.Service;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;

/**
 * Writes, changes, reviews and removes runbooks: checked as a whole (every problem named in one
 * answer), stored and audited in one transaction, so bad input changes nothing.
 */
@Component
class RunbookEditor {

	static final int TITLE_MAX = 200;

	static final int MARKDOWN_MAX = 100_000;

	static final int SERVICES_MAX = 50;

	static final int MATCHERS_MAX = 20;

	static final int FIELD_MAX = 100;

	static final int VALUE_MAX = 200;

	/** A label name as Prometheus allows it; Events v2's class, component, group and source are such names too. */
	private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final RunbookStore store;

	private final RunbookService runbooks;

	private final CatalogStore catalog;

	private final AuditLog audit;

	private final Clock clock;

	RunbookEditor(RunbookStore store, RunbookService runbooks, CatalogStore catalog, AuditLog audit, Clock clock) {
		this.store = store;
		this.runbooks = runbooks;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/** A runbook as a person wrote it; null lists are empty ones. */
	record Draft(String title, String markdown, List<UUID> serviceIds, List<RunbookMatcher> matchers) {
	}

	Runbook runbook(UUID id) {
		return runbooks.find(id)
			.orElseThrow(() -> Problems.notFound("No runbook " + id + "; GET /api/v1/runbooks lists them"));
	}

	@Transactional
	Runbook create(Draft draft, UUID author) {
		var checked = checked(draft);
		var now = clock.instant();
		var runbook = new Runbook(UUID.randomUUID(), checked.title(), checked.markdown(), checked.serviceIds(),
				checked.matchers(), now, author, now, now, false);
		store.insert(runbook);
		audit.record("runbook.created", "runbook", runbook.id().toString(), describe(runbook));
		return runbooks.marked(runbook);
	}

	@Transactional
	Runbook update(UUID id, Draft draft) {
		var existing = runbook(id);
		var checked = checked(draft);
		var runbook = new Runbook(id, checked.title(), checked.markdown(), checked.serviceIds(), checked.matchers(),
				existing.lastReviewedAt(), existing.lastReviewedBy(), existing.createdAt(), clock.instant(), false);
		store.update(runbook);
		audit.record("runbook.updated", "runbook", id.toString(), describe(runbook));
		return runbooks.marked(runbook);
	}

	/** Someone read it through and it still holds: the staleness clock starts again. */
	@Transactional
	Runbook reviewed(UUID id, UUID reviewer) {
		var runbook = runbook(id);
		store.reviewed(id, clock.instant(), reviewer);
		audit.record("runbook.reviewed", "runbook", id.toString(), "reviewed '" + runbook.title() + "'"
				+ (runbook.stale() ? " (it was stale)" : ""));
		return runbook(id);
	}

	@Transactional
	void delete(UUID id) {
		var runbook = runbook(id);
		store.delete(id);
		audit.record("runbook.deleted", "runbook", id.toString(), describe(runbook));
	}

	private Draft checked(Draft draft) {
		var errors = new ArrayList<Problems.FieldProblem>();
		var title = draft.title() == null ? "" : draft.title().strip();
		if (title.isEmpty()) {
			errors.add(new Problems.FieldProblem("/title", "give the runbook a title, e.g. 'Checkout: high error rate'"));
		}
		else if (title.length() > TITLE_MAX) {
			errors.add(new Problems.FieldProblem("/title", "title must be at most " + TITLE_MAX + " characters"));
		}
		var markdown = draft.markdown() == null ? "" : draft.markdown().replace("\r\n", "\n");
		if (markdown.isBlank()) {
			errors.add(new Problems.FieldProblem("/markdown", "write the runbook in Markdown with the sections "
					+ String.join(", ", RunbookMarkdown.SECTIONS.keySet()) + " as headings (## Symptom)"));
		}
		else if (markdown.length() > MARKDOWN_MAX) {
			errors.add(new Problems.FieldProblem("/markdown", "markdown must be at most " + MARKDOWN_MAX + " characters"));
		}
		else {
			RunbookMarkdown.problems(markdown).forEach(problem -> errors.add(new Problems.FieldProblem("/markdown", problem)));
		}
		var services = new LinkedHashSet<UUID>(draft.serviceIds() == null ? List.of() : draft.serviceIds());
		if (services.contains(null)) {
			errors.add(new Problems.FieldProblem("/service_ids", "service_ids holds a null; give service ids"));
			services.remove(null);
		}
		if (services.size() > SERVICES_MAX) {
			errors.add(new Problems.FieldProblem("/service_ids", "a runbook names at most " + SERVICES_MAX + " services"));
		}
		else {
			var known = catalog.services(services);
			services.stream().filter(id -> !known.containsKey(id)).forEach(id -> errors.add(new Problems.FieldProblem(
					"/service_ids", "no service " + id + "; GET /api/v1/services lists them")));
		}
		var matchers = matchers(draft.matchers() == null ? List.of() : draft.matchers(), errors);
		if (!errors.isEmpty()) {
			var detail = errors.stream().map(Problems.FieldProblem::detail).collect(Collectors.joining("; "));
			throw Problems.problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, Map.of("errors", errors));
		}
		return new Draft(title, markdown, List.copyOf(services), matchers);
	}

	private static List<RunbookMatcher> matchers(List<RunbookMatcher> given, List<Problems.FieldProblem> errors) {
		if (given.size() > MATCHERS_MAX) {
			errors.add(new Problems.FieldProblem("/matchers", "a runbook has at most " + MATCHERS_MAX + " matchers"));
			return List.of();
		}
		var matchers = new LinkedHashSet<RunbookMatcher>();
		for (int i = 0; i < given.size(); i++) {
			var matcher = given.get(i);
			var at = "/matchers/" + i;
			if (matcher == null) {
				errors.add(new Problems.FieldProblem(at, "a matcher is {\"field\": \"alertname\", \"value\": \"HighErrorRate\"}"));
				continue;
			}
			var field = matcher.field() == null ? "" : matcher.field().strip();
			var value = matcher.value() == null ? "" : matcher.value().strip();
			if (field.length() > FIELD_MAX || !FIELD.matcher(field).matches()) {
				errors.add(new Problems.FieldProblem(at + "/field", "field must be a label name (letters, digits and _, at most "
						+ FIELD_MAX + " characters), e.g. alertname, or an Events v2 field: class, component, group, source"));
			}
			if (value.isEmpty() || value.length() > VALUE_MAX) {
				errors.add(new Problems.FieldProblem(at + "/value", "value must be 1 to " + VALUE_MAX
						+ " characters: the exact value the alert carries, e.g. HighErrorRate"));
			}
			matchers.add(new RunbookMatcher(field, value));
		}
		return List.copyOf(matchers);
	}

	private String describe(Runbook runbook) {
		var names = catalog.services(runbook.serviceIds()).values().stream().map(Service::name).sorted()
			.collect(Collectors.joining(", "));
		return "'" + runbook.title() + "'" + (names.isEmpty() ? "" : " for " + names)
				+ (runbook.matchers().isEmpty() ? "" : ", matching " + runbook.matchers().stream()
					.map(RunbookMatcher::toString).collect(Collectors.joining(", ")));
	}
}
