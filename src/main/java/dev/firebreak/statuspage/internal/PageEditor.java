package dev.firebreak.statuspage.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.firebreak.catalog.Catalog;
import dev.firebreak.comms.PublicComponents;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Text;
import dev.firebreak.statuspage.ComponentStatus;

/**
 * Shapes the page: its settings, groups and components (admins), and a person's word on a
 * component's status (responders). Every change is checked, audited and counted as a revision.
 */
@Component
class PageEditor implements PublicComponents {

	static final int NAME_MAX = 200;

	static final int DESCRIPTION_MAX = 1000;

	private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final Pattern HOST = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

	private final StatusPageStore store;

	private final ComponentStatuses statuses;

	private final PageChanges changes;

	private final Catalog catalog;

	private final AuditLog audit;

	private final Clock clock;

	private final StatusSnapshots snapshots;

	PageEditor(StatusPageStore store, ComponentStatuses statuses, PageChanges changes, Catalog catalog, AuditLog audit,
			Clock clock, StatusSnapshots snapshots) {
		this.snapshots = snapshots;
		this.store = store;
		this.statuses = statuses;
		this.changes = changes;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public List<String> names() {
		return store.components().stream().map(PageComponent::name).toList();
	}

	record SettingsChange(String name, String logoUrl, String logoAlt, String brandColour, String timeZone,
			String hostName) {
	}

	@Transactional
	PageSettings saveSettings(SettingsChange change) {
		changes.change();
		var name = Text.required("/name", change.name(), NAME_MAX, "the name readers know you by, e.g. \"Acme\"");
		var logo = Text.optional("/logo_url", change.logoUrl(), 1000);
		if (logo != null && !logo.isBlank()) {
			checkUrl(logo);
		}
		var alt = Text.optional("/logo_alt", change.logoAlt(), NAME_MAX);
		if (logo != null && !logo.isBlank() && (alt == null || alt.isBlank())) {
			throw Problems.invalid("/logo_alt", "a logo needs its text for readers who cannot see it, e.g. \"Acme\"");
		}
		var colour = change.brandColour() == null ? "#1f5fbf" : change.brandColour().strip();
		if (!COLOUR.matcher(colour).matches()) {
			throw Problems.invalid("/brand_colour", "a colour is written #RRGGBB, e.g. #1f5fbf");
		}
		if (contrastWithWhite(colour) < 4.5) {
			throw Problems.invalid("/brand_colour", "white text on " + colour + " is hard to read (contrast "
					+ String.format(Locale.ROOT, "%.1f", contrastWithWhite(colour)) + ":1, at least 4.5:1 needed); choose a darker colour");
		}
		var zone = ZoneId.of(Text.timeZone("/time_zone", change.timeZone()));
		var host = Text.optional("/host_name", change.hostName(), 255);
		if (host != null && !host.isBlank() && !HOST.matcher(host.strip()).matches()) {
			throw Problems.invalid("/host_name", "a host name like status.example.com, without scheme or path");
		}
		store.saveSettings(name, blankToNull(logo), blankToNull(alt), colour, zone, blankToNull(host));
		var ownHost = blankToNull(host);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					snapshots.hostChanged(ownHost);
				}
			});
		}
		audit.record("statuspage.settings_changed", "status_page", "settings", name + ", " + zone.getId());
		return store.settings();
	}

	record GroupChange(String name, String description, Integer position) {
	}

	@Transactional
	Group saveGroup(UUID id, GroupChange change) {
		changes.change();
		var now = clock.instant();
		var existing = id == null ? null : group(id);
		var group = new Group(id == null ? UUID.randomUUID() : id,
				Text.required("/name", change.name(), NAME_MAX, "the user-facing service, e.g. \"Checkout\""),
				Text.optional("/description", change.description(), DESCRIPTION_MAX),
				position(change.position(), existing == null ? store.groups().size() + 1 : existing.position()),
				existing == null ? now : existing.createdAt(), now);
		store.saveGroup(group);
		audit.record(existing == null ? "statuspage.group_created" : "statuspage.group_changed", "status_page_group",
				group.id().toString(), group.name());
		return group;
	}

	@Transactional
	void deleteGroup(UUID id) {
		changes.change();
		var group = group(id);
		store.deleteGroup(id);
		audit.record("statuspage.group_deleted", "status_page_group", id.toString(), group.name());
	}

	record ComponentChange(String name, String description, UUID groupId, Integer position, List<UUID> serviceIds,
			Boolean onlyShowIfDegraded, Boolean showcase, LocalDate startDate) {
	}

	@Transactional
	PageComponent saveComponent(UUID id, ComponentChange change) {
		changes.change();
		var now = clock.instant();
		var existing = id == null ? null : component(id);
		var name = Text.required("/name", change.name(), NAME_MAX, "what customers call it, e.g. \"Card payments\"");
		if (name.contains(",") || name.contains("\n")) {
			throw Problems.invalid("/name", "a component name has no commas or line breaks (updates list them with commas)");
		}
		for (var other : store.components()) {
			if (other.name().equalsIgnoreCase(name) && !other.id().equals(id)) {
				throw Problems.conflict("There is already a component named \"" + other.name() + "\"");
			}
		}
		if (change.groupId() != null) {
			store.group(change.groupId())
				.orElseThrow(() -> Problems.invalid("/group_id", "no group " + change.groupId() + " on the status page"));
		}
		var services = change.serviceIds() == null ? (existing == null ? List.<UUID>of() : existing.serviceIds())
				: List.copyOf(new LinkedHashSet<>(change.serviceIds()));
		var found = catalog.services(services);
		for (var service : services) {
			if (!found.containsKey(service)) {
				throw Problems.invalid("/service_ids", "no service " + service + " in the catalog");
			}
		}
		var start = change.startDate() != null ? change.startDate()
				: existing != null ? existing.startDate() : LocalDate.ofInstant(now, store.settings().timeZone());
		var component = new PageComponent(existing == null ? UUID.randomUUID() : id, change.groupId(), name,
				Text.optional("/description", change.description(), DESCRIPTION_MAX),
				position(change.position(), existing == null ? store.components().size() + 1 : existing.position()),
				existing == null ? ComponentStatus.OPERATIONAL : existing.status(),
				existing == null ? null : existing.manualStatus(),
				change.onlyShowIfDegraded() != null ? change.onlyShowIfDegraded() : existing != null && existing.onlyShowIfDegraded(),
				change.showcase() != null ? change.showcase() : existing == null || existing.showcase(), start, services,
				existing == null ? now : existing.createdAt(), now);
		store.saveComponent(component);
		audit.record(existing == null ? "statuspage.component_created" : "statuspage.component_changed",
				"status_page_component", component.id().toString(),
				name + " (" + services.size() + " service" + (services.size() == 1 ? "" : "s") + ")");
		return component(component.id());
	}

	@Transactional
	void deleteComponent(UUID id) {
		changes.change();
		var component = component(id);
		store.deleteComponent(id);
		audit.record("statuspage.component_deleted", "status_page_component", id.toString(), component.name());
	}

	/**
	 * A person's word on a component: it shows {@code status} whatever incidents and maintenance
	 * say, until a person takes the word back ({@code status} null); the change is shown at once.
	 */
	@Transactional
	PageComponent setStatus(UUID id, String status, String reason) {
		changes.change();
		var component = component(id);
		var parsed = status == null ? null : ComponentStatus.parse(status);
		if (status != null && parsed == null) {
			throw Problems.invalid("/status", "status must be operational, degraded_performance, partial_outage, "
					+ "major_outage or under_maintenance (or null to follow incidents and maintenance again)");
		}
		var why = Text.required("/reason", reason, 500, "why, for the audit log");
		store.setManualStatus(id, parsed);
		statuses.recompute();
		audit.record(parsed == null ? "statuspage.component_status_released" : "statuspage.component_status_set",
				"status_page_component", id.toString(),
				component.name() + (parsed == null ? " follows incidents again" : " shows " + parsed) + ": " + why);
		return component(id);
	}

	Group group(UUID id) {
		return store.group(id).orElseThrow(() -> Problems.notFound("No group " + id + " on the status page"));
	}

	PageComponent component(UUID id) {
		return store.component(id).orElseThrow(() -> Problems.notFound("No component " + id + " on the status page"));
	}

	private static int position(Integer asked, int otherwise) {
		if (asked != null && asked < 1) {
			throw Problems.invalid("/position", "positions start at 1");
		}
		return asked == null ? otherwise : asked;
	}

	private static void checkUrl(String url) {
		try {
			var uri = URI.create(url.strip());
			if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
					|| uri.getHost() == null) {
				throw Problems.invalid("/logo_url", "the logo's address starts with https:// (an image on the web)");
			}
		}
		catch (IllegalArgumentException e) {
			throw Problems.invalid("/logo_url", "the logo's address is not a URL");
		}
	}

	/** WCAG contrast ratio of white text on this colour. */
	static double contrastWithWhite(String hex) {
		var luminance = 0.0;
		var weights = new double[] { 0.2126, 0.7152, 0.0722 };
		for (var i = 0; i < 3; i++) {
			var channel = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			var linear = channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
			luminance += weights[i] * linear;
		}
		return 1.05 / (luminance + 0.05);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
