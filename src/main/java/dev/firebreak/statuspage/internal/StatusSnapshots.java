package dev.firebreak.statuspage.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.json.JsonMapper;

/**
 * Renders the page once per change and keeps it: every request between two changes is answered
 * from the same bytes. A request that finds the page stale (a change committed, another
 * instance's change noticed, or a new day) renders it again, once, while the others wait for it.
 */
@Component
class StatusSnapshots {

	private static final Logger log = LoggerFactory.getLogger(StatusSnapshots.class);

	/** No history is older than this (a reader asking for year -999999999 gets nothing, not a failed query). */
	private static final int EARLIEST_YEAR = 2000;

	/** Where the page lives on the application's own host. */
	static final String BASE = "/status";

	private final PageReader reader;

	private final PageChanges changes;

	private final ITemplateEngine templates;

	private final JsonMapper json;

	private final StatusPagePolicy policy;

	private final Clock clock;

	private final Map<String, Snapshot> current = new ConcurrentHashMap<>();

	private volatile String ownHost;

	private volatile Instant retryAt = Instant.MIN;

	StatusSnapshots(PageReader reader, PageChanges changes, ITemplateEngine templates, JsonMapper json,
			StatusPagePolicy policy, Clock clock) {
		this.reader = reader;
		this.changes = changes;
		this.templates = templates;
		this.json = json;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * The current snapshot for pages whose links start at {@code base}. When rendering fails (the
	 * database is away), readers keep getting the last good version, and rendering is tried again
	 * after {@code refresh-every}: the page must stand when everything else does not.
	 */
	Snapshot get(String base) {
		var snapshot = current.get(base);
		if (fresh(snapshot)) {
			return snapshot;
		}
		synchronized (this) {
			snapshot = current.get(base);
			if (fresh(snapshot) || snapshot != null && clock.instant().isBefore(retryAt)) {
				return snapshot;
			}
			try {
				snapshot = build(base, changes.known());
			}
			catch (RuntimeException e) {
				if (snapshot == null) {
					throw e;
				}
				retryAt = clock.instant().plus(policy.refreshEvery());
				log.warn("The status page could not be rendered again ({}); readers get the version of {} meanwhile",
						e.getMessage(), snapshot.data().now());
				return snapshot;
			}
			current.put(base, snapshot);
			if (BASE.equals(base)) {
				ownHost = snapshot.data().settings().hostName();
			}
			return snapshot;
		}
	}

	/**
	 * The host name the page is also served on at {@code /}; null when none. Known from the last
	 * rendering and from this instance's own settings change: requests for anything else never wait
	 * for a rendering.
	 */
	String ownHost() {
		return ownHost;
	}

	/** The settings named another host name (told after their commit). */
	void hostChanged(String host) {
		ownHost = host;
	}

	/** The revision the page was last rendered at on this instance; -1 before the first. */
	long renderedRevision() {
		var snapshot = current.get(BASE);
		return snapshot == null ? -1 : snapshot.revision();
	}

	private boolean fresh(Snapshot snapshot) {
		return snapshot != null && snapshot.known() >= changes.known() && clock.instant().isBefore(snapshot.validUntil());
	}

	private Snapshot build(String base, long known) {
		var data = reader.read();
		var view = PublicView.page(data, base);
		var fixed = new LinkedHashMap<String, Snapshot.Rendered>();
		var page = Snapshot.Rendered.of(html("statuspage/page", Map.of("view", view)), Snapshot.HTML, data.lastChange());
		fixed.put("", page);
		fixed.put("/", page);
		PublicJson.documents(data, policy.listed()).forEach((path, doc) -> fixed.put(path,
				Snapshot.Rendered.of(json.writeValueAsBytes(doc), Snapshot.JSON, data.lastChange())));
		fixed.put("/history.atom", Snapshot.Rendered.of(PublicFeeds.write(data, PublicFeeds.ATOM, policy.listed()),
				Snapshot.ATOM, data.lastChange()));
		fixed.put("/history.rss", Snapshot.Rendered.of(PublicFeeds.write(data, PublicFeeds.RSS, policy.listed()),
				Snapshot.RSS, data.lastChange()));
		var zone = data.settings().timeZone();
		var tomorrow = LocalDate.ofInstant(data.now(), zone).plusDays(1).atStartOfDay(zone).toInstant();
		var validUntil = tomorrow.isBefore(data.now().plus(policy.rerenderEvery())) ? tomorrow
				: data.now().plus(policy.rerenderEvery());
		return new Snapshot(known, data.revision(), validUntil, data, base, fixed);
	}

	/** Month histories, incident and maintenance pages: rendered the first time they are asked for. */
	Optional<Snapshot.Rendered> onDemand(Snapshot snapshot, String path) {
		var data = snapshot.data();
		var zone = data.settings().timeZone();
		var view = PublicView.page(data, snapshot.base());
		var now = YearMonth.from(data.now().atZone(zone));
		if (path.equals("/history") || path.equals("/history/")) {
			return month(snapshot, view, now, now);
		}
		if (path.startsWith("/history/")) {
			try {
				var month = YearMonth.parse(path.substring("/history/".length()));
				return month.isAfter(now) || month.getYear() < EARLIEST_YEAR ? Optional.empty()
						: month(snapshot, view, month, now);
			}
			catch (DateTimeParseException e) {
				return Optional.empty();
			}
		}
		if (path.startsWith("/incidents/")) {
			return uuid(path.substring("/incidents/".length())).flatMap(reader::incident)
				.map(h -> PublicView.incident(h.incidents().get(0),
						h.updates().getOrDefault(h.incidents().get(0).id(), java.util.List.of()), snapshot.base(), zone))
				.map(incident -> Snapshot.Rendered.of(html("statuspage/incident", Map.of("view", view, "incident", incident)),
						Snapshot.HTML, data.lastChange()));
		}
		if (path.startsWith("/maintenances/")) {
			return uuid(path.substring("/maintenances/".length()))
				.flatMap(id -> data.maintenances().stream().filter(m -> m.id().equals(id)).findFirst())
				.map(m -> new PublicView.IncidentView(m.name(), PublicView.words(m.status().toString()), "maintenance",
						snapshot.base() + "/maintenances/" + m.id(), PublicView.time(m.scheduledFor(), zone),
						m.scheduledFor().toString(), PublicView.updates(data.updatesOf(m.id()), zone)))
				.map(incident -> Snapshot.Rendered.of(html("statuspage/incident", Map.of("view", view, "incident", incident)),
						Snapshot.HTML, data.lastChange()));
		}
		return Optional.empty();
	}

	private Optional<Snapshot.Rendered> month(Snapshot snapshot, PublicView.Page view, YearMonth month, YearMonth now) {
		var zone = snapshot.data().settings().timeZone();
		var history = reader.history(month.atDay(1).atStartOfDay(zone).toInstant(),
				month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
		var model = PublicView.month(history, month, now, snapshot.base(), zone);
		return Optional.of(Snapshot.Rendered.of(html("statuspage/history", Map.of("view", view, "month", model)),
				Snapshot.HTML, snapshot.data().lastChange()));
	}

	private String html(String template, Map<String, Object> model) {
		return templates.process(template, new Context(Locale.ENGLISH, model));
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}
}
