package dev.firebreak.incident.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.firebreak.identity.FirebreakUser;
import dev.firebreak.incident.Incident;
import dev.firebreak.incident.Incidents;

/**
 * Pushes new timeline entries to the incident pages that are open, as server-sent events whose
 * data is the entry's markup. One poller per instance reads the table, not an in-memory event,
 * so an entry written on any instance (or by the platform itself) reaches every page; the event
 * id is the entry's place ({@code seq}), which a reconnecting browser sends back as
 * {@code Last-Event-ID}. The poller runs on real time, not the application's clock: it is
 * plumbing, not policy.
 */
@Component
class LiveTimeline implements DisposableBean {

	static final String EVENT = "entry";

	private static final Logger log = LoggerFactory.getLogger(LiveTimeline.class);

	private static final String TEMPLATE = "incident/partials/timeline";

	private final Map<Long, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

	private final TimelineStore timeline;

	private final Incidents incidents;

	private final IncidentPageView view;

	private final ITemplateEngine templates;

	private final LiveTimelineSettings settings;

	private final ScheduledExecutorService poller;

	LiveTimeline(TimelineStore timeline, Incidents incidents, IncidentPageView view, ITemplateEngine templates,
			LiveTimelineSettings settings) {
		this.timeline = timeline;
		this.incidents = incidents;
		this.view = view;
		this.templates = templates;
		this.settings = settings;
		this.poller = Executors.newSingleThreadScheduledExecutor(task -> {
			var thread = new Thread(task, "live-timeline");
			thread.setDaemon(true);
			return thread;
		});
		var every = settings.pollEvery().toMillis();
		poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
	}

	/** One open page. Only the poller thread sends to its emitter once it is registered. */
	private static final class Subscriber {

		final SseEmitter emitter;

		final FirebreakUser user;

		final long number;

		/** Entries at or before this place were on the page (or sent before a reconnect). */
		final long floor;

		/** Places sent within the look-back window: never sent twice. */
		final TreeSet<Long> sent = new TreeSet<>();

		long lastSentAtNanos = System.nanoTime();

		Subscriber(SseEmitter emitter, FirebreakUser user, long number, long floor) {
			this.emitter = emitter;
			this.user = user;
			this.number = number;
			this.floor = floor;
		}

		long last() {
			return sent.isEmpty() ? floor : Math.max(floor, sent.last());
		}
	}

	/** Opens a stream of the entries of this incident written after the place {@code after}. */
	SseEmitter subscribe(Incident incident, FirebreakUser user, long after) {
		var emitter = new SseEmitter(settings.timeout().toMillis());
		var subscriber = new Subscriber(emitter, user, incident.number(), after);
		emitter.onCompletion(() -> remove(subscriber));
		emitter.onTimeout(() -> {
			remove(subscriber);
			emitter.complete();
		});
		emitter.onError(e -> remove(subscriber));
		try {
			// sent at once so the headers go out and the browser knows it is connected
			emitter.send(SseEmitter.event().comment("live timeline of " + incident.id()));
		}
		catch (IOException e) {
			emitter.completeWithError(e);
			return emitter;
		}
		subscribers.computeIfAbsent(incident.number(), n -> new CopyOnWriteArraySet<>()).add(subscriber);
		return emitter;
	}

	/** How many pages of this incident are open on this instance. */
	int listening(long number) {
		return subscribers.getOrDefault(number, Set.of()).size();
	}

	private void pollSafely() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			// the next poll tries again: a database hiccup must not stop the live timeline for good
			log.warn("Could not read new timeline entries; trying again in {}", settings.pollEvery(), e);
		}
	}

	void poll() {
		var open = new ArrayList<Subscriber>();
		subscribers.values().forEach(open::addAll);
		if (open.isEmpty()) {
			return;
		}
		var from = open.stream().mapToLong(s -> Math.max(s.floor, s.last() - settings.lookBack())).min().orElseThrow();
		var numbers = open.stream().map(s -> s.number).collect(Collectors.toSet());
		var entries = timeline.after(numbers, from).stream()
			.collect(Collectors.groupingBy(e -> e.entry().incidentNumber()));
		var names = view.names(entries.values().stream().flatMap(List::stream).map(e -> e.entry().authorId())
			.collect(Collectors.toSet()));
		var now = System.nanoTime();
		for (var subscriber : open) {
			var news = entries.getOrDefault(subscriber.number, List.of()).stream()
				.filter(e -> e.seq() > subscriber.floor && !subscriber.sent.contains(e.seq())).toList();
			if (!news.isEmpty() && incidents.find(subscriber.number, subscriber.user).isEmpty()) {
				// taken off a private incident since the page opened: the stream ends with what it could see
				subscriber.emitter.complete();
				remove(subscriber);
				continue;
			}
			try {
				for (var entry : news) {
					subscriber.emitter.send(SseEmitter.event().id(Long.toString(entry.seq())).name(EVENT)
						.data(markup(entry, names)));
					subscriber.sent.add(entry.seq());
					subscriber.lastSentAtNanos = now;
				}
				if (now - subscriber.lastSentAtNanos >= settings.keepAlive().toNanos()) {
					subscriber.emitter.send(SseEmitter.event().comment("still here"));
					subscriber.lastSentAtNanos = now;
				}
				subscriber.sent.headSet(subscriber.last() - settings.lookBack(), true).clear();
			}
			catch (IOException | IllegalStateException e) {
				// the browser went away; the container reports it to the emitter too
				remove(subscriber);
			}
		}
	}

	private String markup(TimelineStore.Sequenced entry, Map<java.util.UUID, String> names) {
		var context = new Context();
		context.setVariable("row", IncidentPageModels.TimelineRow.of(entry.entry(), names));
		context.setVariable("utc", IncidentPageModels.UtcTime.INSTANCE);
		// a carriage return would end the event's line early; the text keeps its line breaks
		return templates.process(TEMPLATE, Set.of("entry"), context).replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	private void remove(Subscriber subscriber) {
		subscribers.computeIfPresent(subscriber.number, (n, set) -> {
			set.remove(subscriber);
			return set.isEmpty() ? null : set;
		});
	}

	@Override
	public void destroy() {
		poller.shutdownNow();
		subscribers.values().forEach(set -> set.forEach(s -> s.emitter.complete()));
		subscribers.clear();
	}
}
