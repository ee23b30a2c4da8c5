package dev.firebreak.catalog.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.catalog.HttpCall;
import dev.firebreak.catalog.MitigationAction;
import dev.firebreak.catalog.Service;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.platform.Problems;

/** Registers, changes and removes the mitigation actions of services: checked, stored and audited in one transaction. */
@Component
class MitigationActionEditor {

	static final int NAME_MAX = 100;

	static final int URL_MAX = 2000;

	static final int BODY_MAX = 20_000;

	static final int HEADERS_MAX = 20;

	static final int HEADER_NAME_MAX = 100;

	static final int HEADER_VALUE_MAX = 4000;

	/** What the API shows instead of a header value; sent back unchanged, it keeps the stored value. */
	static final String MASK = "••••";

	static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

	/** RFC 9110 token characters. */
	private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

	/** Headers the HTTP client sets itself and refuses to take from us. */
	private static final Set<String> CLIENT_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

	private final MitigationActionStore store;

	private final CatalogStore catalog;

	private final AuditLog audit;

	private final Clock clock;

	MitigationActionEditor(MitigationActionStore store, CatalogStore catalog, AuditLog audit, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/** An action as a person asked for it: header values may be {@link #MASK} to keep stored ones. */
	record Draft(String name, String lever, HttpCall run, HttpCall rollback) {
	}

	List<MitigationAction> ofService(UUID serviceId) {
		service(serviceId);
		return store.ofServices(List.of(serviceId));
	}

	MitigationAction action(UUID id) {
		return store.find(id).orElseThrow(() -> Problems.notFound(
				"No mitigation action " + id + "; GET /api/v1/services/{id}/mitigation-actions lists a service's"));
	}

	@Transactional
	MitigationAction create(UUID serviceId, Draft draft) {
		var service = service(serviceId);
		var action = checked(UUID.randomUUID(), service, draft, null);
		if (store.nameTaken(serviceId, action.name(), null)) {
			throw Problems.conflict(service.name() + " already has a mitigation action named '" + action.name() + "'");
		}
		store.insert(action);
		audit.record("mitigation_action.created", "mitigation_action", action.id().toString(), describe(action, service));
		return action;
	}

	@Transactional
	MitigationAction update(UUID id, Draft draft) {
		var existing = action(id);
		var service = service(existing.serviceId());
		var action = checked(id, service, draft, existing);
		if (store.nameTaken(service.id(), action.name(), id)) {
			throw Problems.conflict(service.name() + " already has another mitigation action named '" + action.name() + "'");
		}
		store.update(action, clock.instant());
		audit.record("mitigation_action.updated", "mitigation_action", id.toString(), describe(action, service));
		return action;
	}

	@Transactional
	void delete(UUID id) {
		var action = action(id);
		var service = service(action.serviceId());
		store.delete(id);
		audit.record("mitigation_action.deleted", "mitigation_action", id.toString(), describe(action, service));
	}

	private Service service(UUID id) {
		return catalog.service(id)
			.orElseThrow(() -> Problems.notFound("No service " + id + "; GET /api/v1/services lists them"));
	}

	private MitigationAction checked(UUID id, Service service, Draft draft, MitigationAction existing) {
		var lever = draft.lever() == null ? "" : draft.lever().strip().toLowerCase(Locale.ROOT);
		if (!MitigationAction.LEVERS.contains(lever)) {
			throw Problems.invalid("/lever", "lever must be one of " + String.join(", ", MitigationAction.LEVERS));
		}
		var run = call("/run", draft.run(), existing == null ? null : existing.run());
		var rollback = draft.rollback() == null ? null
				: call("/rollback", draft.rollback(), existing == null ? null : existing.rollback());
		return new MitigationAction(id, service.id(), draft.name().strip(), lever, run, rollback,
				existing == null ? clock.instant() : existing.createdAt());
	}

	private static HttpCall call(String pointer, HttpCall call, HttpCall stored) {
		var method = call.method().strip().toUpperCase(Locale.ROOT);
		if (!METHODS.contains(method)) {
			throw Problems.invalid(pointer + "/method", "method must be one of " + String.join(", ", METHODS));
		}
		var url = url(pointer + "/url", call.url());
		var body = call.body() == null || call.body().isEmpty() ? null : call.body();
		if (body != null && method.equals("GET")) {
			throw Problems.invalid(pointer + "/body", "a GET request carries no body; use POST, PUT or PATCH to send one");
		}
		var headers = new LinkedHashMap<String, String>();
		var seen = new HashSet<String>();
		for (var header : call.headers().entrySet()) {
			var name = header.getKey();
			var at = pointer + "/headers/" + name.replace("~", "~0").replace("/", "~1");
			if (!TOKEN.matcher(name).matches() || name.length() > HEADER_NAME_MAX) {
				throw Problems.invalid(at, "'" + name + "' is not a header name: use letters, digits and - (at most "
						+ HEADER_NAME_MAX + " characters), e.g. Authorization");
			}
			if (CLIENT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				throw Problems.invalid(at, name + " is set by Firebreak's HTTP client itself; leave it out");
			}
			if (!seen.add(name.toLowerCase(Locale.ROOT))) {
				throw Problems.invalid(at, "the header " + name + " is given twice");
			}
			headers.put(name, value(at, name, header.getValue(), stored));
		}
		return new HttpCall(method, url, headers, body);
	}

	private static String value(String pointer, String name, String value, HttpCall stored) {
		if (value == null) {
			throw Problems.invalid(pointer, "give the header " + name + " a value");
		}
		if (value.equals(MASK)) {
			var kept = stored == null ? null : stored.headers().entrySet().stream()
				.filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
			if (kept == null) {
				throw Problems.invalid(pointer, MASK + " keeps a stored value, and " + name
						+ " has none yet: give its value");
			}
			return kept;
		}
		if (value.length() > HEADER_VALUE_MAX) {
			throw Problems.invalid(pointer, "a header value may hold at most " + HEADER_VALUE_MAX + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			var c = value.charAt(i);
			if ((c < ' ' && c != '\t') || c == 0x7f || c > 0xff) {
				throw Problems.invalid(pointer, "the value of " + name
						+ " holds a line break or another character a header cannot carry");
			}
		}
		return value;
	}

	private static String url(String pointer, String url) {
		try {
			var uri = new URI(url.strip());
			var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return uri.toString();
			}
		}
		catch (URISyntaxException e) {
			// answered below with what a valid one looks like
		}
		throw Problems.invalid(pointer, "url must be an absolute http(s) URL, e.g. https://flags.example.com/api/flags/checkout");
	}

	private static String describe(MitigationAction action, Service service) {
		return action.name() + " (" + action.lever() + ") on " + service.name()
				+ (action.canRollBack() ? ", with a rollback" : "");
	}
}
