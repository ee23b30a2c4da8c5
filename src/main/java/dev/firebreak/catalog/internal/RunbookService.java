package dev.firebreak.catalog.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.firebreak.catalog.Runbook;
import dev.firebreak.catalog.Runbooks;
import dev.firebreak.platform.Page;

/** Runbooks as other capabilities and the pages read them: matched to alerts, marked stale by the clock. */
@Component
class RunbookService implements Runbooks {

	/** Among runbooks that answer equally well, the most recently reviewed one, then by title for a stable choice. */
	private static final Comparator<Runbook> FRESHEST = Comparator.comparing(Runbook::lastReviewedAt).reversed()
		.thenComparing(Runbook::title).thenComparing(Runbook::id);

	private final RunbookStore store;

	private final RunbookSettings settings;

	private final Clock clock;

	RunbookService(RunbookStore store, RunbookSettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Optional<Runbook> find(UUID id) {
		return store.find(id).map(this::marked);
	}

	/** Among matching runbooks: the most matchers, then one naming the service, then the freshest; read whole only then. */
	private static final Comparator<RunbookStore.Candidate> BEST_MATCH = Comparator
		.comparingInt(RunbookStore.Candidate::matchers).reversed()
		.thenComparing(candidate -> candidate.serviceIds().isEmpty())
		.thenComparing(RunbookStore.Candidate::lastReviewedAt, Comparator.reverseOrder())
		.thenComparing(RunbookStore.Candidate::title).thenComparing(RunbookStore.Candidate::id);

	@Override
	public Optional<Runbook> forAlert(UUID serviceId, Map<String, String> fields) {
		var matched = store.matchedBy(fields).stream()
			.filter(candidate -> candidate.serviceIds().isEmpty() || candidate.serviceIds().contains(serviceId))
			.min(BEST_MATCH)
			.flatMap(candidate -> store.find(candidate.id()));
		if (matched.isPresent()) {
			return matched.map(this::marked);
		}
		return serviceId == null ? Optional.empty() : forServices(List.of(serviceId));
	}

	@Override
	public Optional<Runbook> forServices(Collection<UUID> serviceIds) {
		return store.ofServices(serviceIds).stream().filter(runbook -> runbook.matchers().isEmpty()).sorted(FRESHEST)
			.findFirst().map(this::marked);
	}

	@Override
	public List<Runbook> ofServices(Collection<UUID> serviceIds) {
		return store.ofServices(serviceIds).stream().map(this::marked).toList();
	}

	Page<Runbook> list(UUID serviceId, Page.Request page) {
		return store.list(serviceId, page).map(this::marked);
	}

	/** The runbook as it is now: stale when its last review is older than the setting. */
	Runbook marked(Runbook runbook) {
		var stale = runbook.lastReviewedAt().plus(settings.runbookStaleAfter()).isBefore(clock.instant());
		return new Runbook(runbook.id(), runbook.title(), runbook.markdown(), runbook.serviceIds(), runbook.matchers(),
				runbook.lastReviewedAt(), runbook.lastReviewedBy(), runbook.createdAt(), runbook.updatedAt(), stale);
	}
}
