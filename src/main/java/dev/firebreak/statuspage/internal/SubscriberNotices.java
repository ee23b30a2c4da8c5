package dev.firebreak.statuspage.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Decides who is told what: each public update (of an incident or a maintenance) once to every
 * subscriber hearing of its components; a maintenance's reminder once by mail; a component's
 * status changed by a person's word (no public update came with it) once to the webhooks hearing
 * of it. Private incidents never get here: they make no public update. An event delivered again
 * adds nothing, since a subscriber is told of a topic at most once.
 */
@Component
class SubscriberNotices {

	private final SubscriberStore store;

	private final SubscriberDeliveries deliveries;

	private final PageReader reader;

	private final PublicIncidentStore incidents;

	private final MaintenanceStore maintenances;

	private final SubscriberLinks links;

	private final JsonMapper json;

	private final Clock clock;

	SubscriberNotices(SubscriberStore store, SubscriberDeliveries deliveries, PageReader reader,
			PublicIncidentStore incidents, MaintenanceStore maintenances, SubscriberLinks links, JsonMapper json,
			Clock clock) {
		this.store = store;
		this.deliveries = deliveries;
		this.reader = reader;
		this.incidents = incidents;
		this.maintenances = maintenances;
		this.links = links;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PublicUpdatePublished published) {
		updatePublished(published);
	}

	@ApplicationModuleListener
	void on(MaintenanceReminderDue due) {
		reminderDue(due);
	}

	@ApplicationModuleListener
	void on(ComponentStatusChanged changed) {
		if (!changed.withPublicUpdate()) {
			componentChanged(changed);
		}
	}

	/** What a public update is about, as mail and webhooks tell it. */
	private record Subject(String name, List<UUID> components, PublicJson.IncidentJson json, String link) {
	}

	@Transactional
	void updatePublished(PublicUpdatePublished published) {
		var data = reader.read();
		var found = published.maintenance() ? maintenance(published, data) : incident(published, data);
		var update = found == null ? null
				: (published.maintenance() ? maintenances.updatesOf(List.of(published.subjectId()))
						: incidents.updatesOf(List.of(published.subjectId())))
					.getOrDefault(published.subjectId(), List.of()).stream()
					.filter(u -> u.id().equals(published.updateId())).findFirst().orElse(null);
		if (update == null) {
			return;
		}
		var subject = found;
		var words = SubscriberMail.update(data.settings(), subject.name(), published.maintenance(), update,
				subject.link());
		var page = SubscriberWebhooks.page(data);
		var now = clock.instant();
		var topic = "update:" + update.id();
		for (var subscriber : store.hearing(subject.components(), null)) {
			if (subscriber.kind() == Subscriber.Kind.EMAIL) {
				deliveries.add(Delivery.of(subscriber.id(), topic, Delivery.Kind.UPDATE, words.subject(),
						words.text() + footer(data, subscriber), now));
			}
			else {
				var payload = new SubscriberWebhooks.IncidentPayload(meta(subscriber), page, subject.json());
				deliveries.add(Delivery.of(subscriber.id(), topic, Delivery.Kind.UPDATE, null,
						new String(json.writeValueAsBytes(payload), StandardCharsets.UTF_8), now));
			}
		}
	}

	private Subject incident(PublicUpdatePublished published, PageData data) {
		var incident = incidents.get(published.subjectId()).orElse(null);
		if (incident == null) {
			return null;
		}
		var updates = incidents.updatesOf(List.of(incident.id())).getOrDefault(incident.id(), List.of());
		var components = incidents.componentsOf(List.of(incident.id())).getOrDefault(incident.id(), List.of());
		var touched = new LinkedHashSet<>(components);
		updates.stream().filter(u -> u.id().equals(published.updateId())).flatMap(u -> u.affected().stream())
			.forEach(a -> touched.add(UUID.fromString(a.code())));
		return new Subject(incident.name(), List.copyOf(touched),
				PublicJson.incident(incident, updates, components, data), data.url() + "/incidents/" + incident.id());
	}

	private Subject maintenance(PublicUpdatePublished published, PageData data) {
		var maintenance = maintenances.get(published.subjectId()).orElse(null);
		if (maintenance == null) {
			return null;
		}
		var updates = maintenances.updatesOf(List.of(maintenance.id())).getOrDefault(maintenance.id(), List.of());
		return new Subject(maintenance.name(), maintenance.componentIds(),
				PublicJson.maintenance(maintenance, updates, data), data.url() + "/maintenances/" + maintenance.id());
	}

	@Transactional
	void reminderDue(MaintenanceReminderDue due) {
		var maintenance = maintenances.get(due.maintenanceId()).orElse(null);
		if (maintenance == null || maintenance.status() != MaintenanceStatus.SCHEDULED) {
			return;
		}
		var data = reader.read();
		var words = SubscriberMail.reminder(data.settings(), maintenance, names(data, maintenance.componentIds()),
				data.url() + "/maintenances/" + maintenance.id());
		var topic = "reminder:" + maintenance.id() + ":" + maintenance.scheduledFor().toEpochMilli();
		var now = clock.instant();
		for (var subscriber : store.hearing(maintenance.componentIds(), Subscriber.Kind.EMAIL)) {
			deliveries.add(Delivery.of(subscriber.id(), topic, Delivery.Kind.REMINDER, words.subject(),
					words.text() + footer(data, subscriber), now));
		}
	}

	@Transactional
	void componentChanged(ComponentStatusChanged changed) {
		var data = reader.read();
		var component = PublicJson.components(data).stream()
			.filter(c -> !c.group() && c.id().equals(changed.componentId().toString())).findFirst().orElse(null);
		if (component == null) {
			return;
		}
		var topic = "component:" + changed.componentId() + ":" + changed.at().toEpochMilli() + ":" + changed.to();
		var update = new SubscriberWebhooks.ComponentUpdate(changed.at(), changed.to().toString(),
				changed.from() == null ? null : changed.from().toString(),
				UUID.nameUUIDFromBytes(topic.getBytes(StandardCharsets.UTF_8)).toString(), component.id());
		var page = SubscriberWebhooks.page(data);
		var now = clock.instant();
		for (var subscriber : store.hearing(List.of(changed.componentId()), Subscriber.Kind.WEBHOOK)) {
			var payload = new SubscriberWebhooks.ComponentPayload(meta(subscriber), page, component, update);
			deliveries.add(Delivery.of(subscriber.id(), topic, Delivery.Kind.COMPONENT, null,
					new String(json.writeValueAsBytes(payload), StandardCharsets.UTF_8), now));
		}
	}

	private SubscriberWebhooks.Meta meta(Subscriber subscriber) {
		return new SubscriberWebhooks.Meta(links.unsubscribeUrl(subscriber.id()), links.subscribeUrl() + "#webhooks",
				clock.instant());
	}

	private String footer(PageData data, Subscriber subscriber) {
		return SubscriberMail.footer(data.settings(), subscriber, names(data, subscriber.componentIds()),
				links.unsubscribeUrl(subscriber.id()));
	}

	private static List<String> names(PageData data, List<UUID> ids) {
		var names = new ArrayList<String>();
		data.components().stream().filter(c -> ids.contains(c.id())).forEach(c -> names.add(c.name()));
		return names;
	}
}
