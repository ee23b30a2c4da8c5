package dev.firebreak.postmortem.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.firebreak.identity.Accounts;
import dev.firebreak.identity.AuditLog;
import dev.firebreak.incident.Incidents;
import dev.firebreak.platform.Problems;
import dev.firebreak.platform.Secrets;
import dev.firebreak.platform.StandardWebhooks;
import dev.firebreak.postmortem.ActionItem;
import dev.firebreak.postmortem.ActionItemCompleted;
import dev.firebreak.postmortem.ActionItemCreated;
import dev.firebreak.postmortem.ActionItemReopened;
import dev.firebreak.postmortem.ActionItemUpdated;
import dev.firebreak.platform.Text;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trackers (Jira, Linear) mirror action items through webhooks administrators register: every item
 * created, edited, completed or reopened is posted to every endpoint as {@code action_item.created},
 * {@code action_item.updated}, {@code action_item.completed} or {@code action_item.reopened}, signed per Standard Webhooks with the endpoint's secret (shown once,
 * kept encrypted). Items of private incidents are never posted. One delivery per endpoint and event, so an event delivered twice between modules
 * is posted once; the delivery itself is retried on durable timers.
 */
@Component
class ActionItemWebhooks {

	static final int URL_MAX = 2_000;

	private final ActionItemWebhookStore store;

	private final ActionItemWebhookDeliveries deliveries;

	private final ActionItemService items;

	private final Accounts accounts;

	private final Incidents incidents;

	private final Secrets secrets;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	private final String baseUrl;

	ActionItemWebhooks(ActionItemWebhookStore store, ActionItemWebhookDeliveries deliveries, ActionItemService items,
			Accounts accounts, Incidents incidents, Secrets secrets, AuditLog audit, JsonMapper json, Clock clock,
			@Value("${firebreak.base-url}") String baseUrl) {
		this.store = store;
		this.deliveries = deliveries;
		this.items = items;
		this.accounts = accounts;
		this.incidents = incidents;
		this.secrets = secrets;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.baseUrl = Text.withoutTrailingSlash(baseUrl);
	}

	/** A new endpoint and its secret, which is shown this once. */
	record Registered(UUID id, String url, String signingSecret, Instant createdAt) {
	}

	@Transactional
	Registered register(String url, UUID actor) {
		var errors = new ArrayList<Problems.FieldProblem>();
		var checked = ActionItemInput.text(errors, "/url", url, URL_MAX, "the tracker's endpoint, like https://tracker.example.com/hooks/firebreak");
		if (checked != null && !isHttp(checked)) {
			errors.add(new Problems.FieldProblem("/url", "url must be an absolute http or https URL, like "
					+ "https://tracker.example.com/hooks/firebreak"));
		}
		if (!errors.isEmpty()) {
			throw ActionItemInput.invalid(errors, Map.of());
		}
		var id = UUID.randomUUID();
		var secret = StandardWebhooks.newSecret();
		var now = clock.instant();
		store.insert(id, checked, secrets.encrypt(secret), actor, now);
		audit.record("action_item.webhook_added", "action_item_webhook", id.toString(), checked);
		return new Registered(id, checked, secret, now);
	}

	List<ActionItemWebhookStore.Endpoint> all() {
		return store.all();
	}

	@Transactional
	void delete(UUID id) {
		var endpoint = store.find(id).orElseThrow(() -> Problems.notFound("No action-item webhook " + id
				+ "; GET /api/v1/action-items/webhooks lists them"));
		store.delete(id);
		audit.record("action_item.webhook_removed", "action_item_webhook", id.toString(), endpoint.url());
	}

	@ApplicationModuleListener
	void on(ActionItemCreated created) {
		post("action_item.created", "action_item.created:" + created.actionItemId(), created.actionItemId(),
				ActionItem.Status.OPEN, created.at());
	}

	@ApplicationModuleListener
	void on(ActionItemCompleted completed) {
		post("action_item.completed", "action_item.completed:" + completed.actionItemId() + ":"
				+ completed.at().toEpochMilli(), completed.actionItemId(), ActionItem.Status.DONE, completed.at());
	}

	@ApplicationModuleListener
	void on(ActionItemUpdated updated) {
		post("action_item.updated", "action_item.updated:" + updated.actionItemId() + ":" + updated.eventId(),
				updated.actionItemId(), ActionItem.Status.OPEN, updated.at());
	}

	@ApplicationModuleListener
	void on(ActionItemReopened reopened) {
		post("action_item.reopened", "action_item.reopened:" + reopened.actionItemId() + ":"
				+ reopened.eventId(), reopened.actionItemId(), ActionItem.Status.OPEN, reopened.at());
	}

	private void post(String type, String eventKey, UUID itemId, ActionItem.Status status, Instant at) {
		var endpoints = store.all();
		if (endpoints.isEmpty()) {
			return;
		}
		var item = items.find(itemId).orElse(null);
		if (item == null) {
			return;
		}
		// a private incident is seen only by admins and the people on it; a tracker is neither, and what
		// leaves for it cannot be taken back, so its items stay here (an incident gone is treated alike)
		if (incidents.find(item.incidentNumber()).map(incident -> incident.isPrivate()).orElse(true)) {
			return;
		}
		var owner = accounts.find(item.ownerId());
		var data = new Data(item.id(), item.incident(), item.title(),
				new Owner(item.ownerId(), owner.map(a -> a.displayName()).orElse(null), owner.map(a -> a.email()).orElse(null)),
				item.dueOn(), item.priority().name(), item.definitionOfDone(), status.toString(),
				baseUrl + "/incidents/" + item.incident() + "/action-items#item-" + item.id());
		var payload = json.writeValueAsString(new Payload(type, at, data));
		for (var endpoint : endpoints) {
			deliveries.add(endpoint.id(), eventKey, payload);
		}
	}

	private static boolean isHttp(String url) {
		try {
			var uri = new URI(url);
			var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	record Payload(String type, Instant timestamp, Data data) {
	}

	record Data(UUID id, String incident, String title, Owner owner, LocalDate dueOn, String priority,
			String definitionOfDone, String status, String url) {
	}

	record Owner(UUID id, String name, String email) {
	}
}
