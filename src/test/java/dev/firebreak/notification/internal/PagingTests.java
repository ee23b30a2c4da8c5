package dev.firebreak.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.firebreak.incident.Severity;
import dev.firebreak.incident.TimelineKind;
import dev.firebreak.notification.NotificationDelivered;
import dev.firebreak.notification.NotificationFailed;
import dev.firebreak.notification.NotificationTest;
import dev.firebreak.notification.Subject;
import dev.firebreak.notification.TestMail;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Paging a person, GoAlert-style: given their rules, when a page is asked for and minutes pass,
 * then exactly these messages arrive, and nothing else.
 */
@RecordApplicationEvents
class PagingTests extends NotificationTest {

	private static final Pattern ACK_LINK = Pattern.compile("http://localhost:8080(/notifications/ack/[A-Za-z0-9_\\-.]+)");

	@Autowired
	ApplicationEvents events;

	@Autowired
	MeterRegistry meters;

	@Autowired
	NotificationSettings settings;

	@Autowired
	DeliveryDispatcher dispatcher;

	@Autowired
	DeliveryStore store;

	@AfterEach
	void theMailServerIsUpAgain() {
		TestMail.start();
	}

	@Test
	void theRuleAtZeroMailsAtOnceAndItsLinkAcknowledges() throws Exception {
		var alice = person("responder");
		var address = address("alice");
		rule(alice, "high", verifiedEmail(alice, address), 0);
		var service = api.post("/api/v1/services", adminToken(), "{\"name\": \"payments-%s\"}".formatted(UUID.randomUUID()))
			.expectStatus(201).json();
		var incident = incident("Checkout fails", Severity.SEV1, List.of(UUID.fromString(service.get("id").asString())));
		var latencyBefore = latencyCount();

		page(key(), alice, incident, "level 1 of Payments on-call");
		settle();

		var mails = pages(address);
		assertThat(mails).hasSize(1);
		var mail = mails.get(0);
		assertThat(TestMail.subject(mail)).isEqualTo("[SEV1] " + incident.id() + " " + incident.title() + " — "
				+ service.get("name").asString());
		var text = TestMail.text(mail);
		assertThat(text).contains("Severity: SEV1", "Services: " + service.get("name").asString(),
				"Summary: Payments time out for some customers", "Why you: level 1 of Payments on-call",
				"Or reply " + incident.number() + " to an SMS page", "http://localhost:8080/incidents/" + incident.id());
		assertThat(TestMail.html(mail)).contains(">Acknowledge</a>");
		assertThat(latencyCount()).isEqualTo(latencyBefore + 1);
		assertThat(events.stream(NotificationDelivered.class).filter(e -> alice.id().equals(e.accountId())))
			.singleElement().satisfies(e -> {
				assertThat(e.incidentNumber()).isEqualTo(incident.number());
				assertThat(e.acceptedAt()).isEqualTo(clock.instant());
				assertThat(e.sentAt()).isEqualTo(clock.instant());
			});

		var link = ACK_LINK.matcher(text);
		assertThat(link.find()).isTrue();
		var shown = mvc.perform(get(URI.create(link.group(1)))).andReturn().getResponse();
		assertThat(shown.getStatus()).isEqualTo(200);
		assertThat(shown.getContentAsString(StandardCharsets.UTF_8)).contains(incident.title(), "Acknowledge</button>");
		assertThat(incidents.find(incident.number()).orElseThrow().milestones().acknowledgedAt())
			.as("opening the link must not acknowledge: mail scanners open links").isNull();

		var acknowledged = mvc.perform(post(URI.create(link.group(1)))).andReturn().getResponse();
		assertThat(acknowledged.getStatus()).isEqualTo(200);
		assertThat(acknowledged.getContentAsString(StandardCharsets.UTF_8)).contains(incident.id() + " is acknowledged");
		assertThat(incidents.find(incident.number()).orElseThrow().milestones().acknowledgedAt()).isEqualTo(clock.instant());
		assertThat(incidents.timeline(incident.number())).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(TimelineKind.PAGING);
			assertThat(entry.text()).contains("Paged", "by email");
		});

		var again = mvc.perform(post(URI.create(link.group(1)))).andReturn().getResponse();
		assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("acknowledged already");
	}

	@Test
	void aTamperedOrExpiredLinkChangesNothing() throws Exception {
		var bea = person("responder");
		var address = address("bea");
		rule(bea, "high", verifiedEmail(bea, address), 0);
		var incident = incident("Search slow", Severity.SEV2, List.of());
		page(key(), bea, incident, "on call");
		settle();
		var link = ACK_LINK.matcher(TestMail.text(pages(address).get(0)));
		assertThat(link.find()).isTrue();
		var path = link.group(1);
		var tampered = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");

		var refused = mvc.perform(post(URI.create(tampered))).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("This link is not valid");

		clock.advance(settings.ackLinkValidFor());
		var expired = mvc.perform(post(URI.create(path))).andReturn().getResponse();
		assertThat(expired.getStatus()).isEqualTo(410);
		assertThat(expired.getContentAsString(StandardCharsets.UTF_8)).contains("expired");
		assertThat(incidents.find(incident.number()).orElseThrow().milestones().acknowledgedAt()).isNull();
	}

	@Test
	void aLaterRuleIsSentOnlyWhenItsMinutesHavePassed() {
		var carl = person("responder");
		var first = address("carl");
		var second = address("carl-later");
		rule(carl, "high", verifiedEmail(carl, first), 0);
		rule(carl, "high", verifiedEmail(carl, second), 2);
		var incident = incident("Queue backlog", Severity.SEV2, List.of());

		page(key(), carl, incident, "level 1");
		settle();
		assertThat(pages(first)).hasSize(1);
		assertThat(pages(second)).isEmpty();

		timePasses(Duration.ofMinutes(1));
		assertThat(pages(second)).isEmpty();

		timePasses(Duration.ofMinutes(1));
		assertThat(pages(second)).hasSize(1);
		assertThat(pages(first)).hasSize(1);
	}

	@Test
	void stopCancelsWhatHasNotGoneOut() {
		var dora = person("responder");
		var first = address("dora");
		var second = address("dora-later");
		rule(dora, "high", verifiedEmail(dora, first), 0);
		rule(dora, "high", verifiedEmail(dora, second), 5);
		var incident = incident("Login errors", Severity.SEV1, List.of());
		page(key(), dora, incident, "level 1");
		settle();

		notifications.stop(Subject.incident(incident.number()));
		timePasses(Duration.ofMinutes(10));

		assertThat(pages(first)).hasSize(1);
		assertThat(pages(second)).isEmpty();
		var rows = api.get("/api/v1/incidents/" + incident.id() + "/notifications", adminToken()).expectStatus(200).json()
			.get("items").values().stream().filter(r -> r.get("person") != null).toList();
		assertThat(rows).extracting(r -> r.get("status").asString()).containsExactly("sent", "cancelled");
		assertThat(rows.get(1).get("cancelled_at").asString()).isEqualTo(clock.instant().minus(Duration.ofMinutes(10)).toString());
	}

	@Test
	void theSamePageTwiceSendsOnce() {
		var emil = person("responder");
		var address = address("emil");
		rule(emil, "high", verifiedEmail(emil, address), 0);
		var incident = incident("Disk full", Severity.SEV2, List.of());
		var key = key();

		page(key, emil, incident, "level 1");
		page(key, emil, incident, "level 1");
		settle();
		page(key, emil, incident, "level 1");
		settle();

		assertThat(pages(address)).hasSize(1);
		assertThat(notifications.deliveries(Subject.incident(incident.number()))).hasSize(1);
	}

	@Test
	void twoInstancesRacingForOneDeliverySendItOnce() throws Exception {
		var finn = person("responder");
		var address = address("finn");
		rule(finn, "high", verifiedEmail(finn, address), 3);
		var incident = incident("Cache stampede", Severity.SEV2, List.of());
		page(key(), finn, incident, "level 1");
		settle();
		var row = store.bySubject(Subject.incident(incident.number()).key()).get(0);
		clock.advance(Duration.ofMinutes(3));

		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			for (var i = 0; i < 2; i++) {
				pool.submit(() -> {
					start.await();
					dispatcher.run(row.id());
					return null;
				});
			}
			start.countDown();
			pool.shutdown();
			assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			pool.shutdownNow();
		}
		settle();

		assertThat(pages(address)).hasSize(1);
		assertThat(store.find(row.id()).orElseThrow()).satisfies(sent -> {
			assertThat(sent.status()).hasToString("sent");
			assertThat(sent.attempts()).isEqualTo(1);
		});
	}

	@Test
	void withoutAVerifiedMethodThePageGoesToTheAccountsEmailAndSaysSo() {
		var gus = person("responder");
		addEmail(gus, address("gus-unverified"));
		var incident = incident("Nobody unreachable", Severity.SEV1, List.of());

		page(key(), gus, incident, "level 1");
		settle();

		assertThat(pages(gus.email())).hasSize(1);
		var row = notifications.deliveries(Subject.incident(incident.number())).get(0);
		assertThat(row.address()).isEqualTo(gus.email());
		assertThat(store.find(row.id()).orElseThrow().note()).contains("account's e-mail");
	}

	@Test
	void aMailServerThatIsDownIsRetriedWithBackoffThenTheNextRuleGoesAtOnce() {
		var hal = person("responder");
		var first = address("hal");
		var second = address("hal-next");
		rule(hal, "high", verifiedEmail(hal, first), 0);
		rule(hal, "high", verifiedEmail(hal, second), 10);
		var incident = incident("Mail outage", Severity.SEV1, List.of());
		var pagedAt = clock.instant();
		TestMail.stop();

		page(key(), hal, incident, "level 1");
		settle();
		var row = store.bySubject(Subject.incident(incident.number()).key()).get(0);
		assertThat(store.find(row.id()).orElseThrow()).satisfies(r -> {
			assertThat(r.status()).hasToString("queued");
			assertThat(r.attempts()).isEqualTo(1);
			assertThat(r.providerAnswer()).startsWith("attempt 1 failed: The mail server could not be reached");
			assertThat(r.dueAt()).isEqualTo(pagedAt.plus(settings.retry().firstDelay()));
		});

		timePasses(settings.backoff(1));
		assertThat(store.find(row.id()).orElseThrow().attempts()).isEqualTo(2);
		assertThat(store.find(row.id()).orElseThrow().dueAt()).isEqualTo(clock.instant().plus(settings.backoff(2)));

		timePasses(settings.backoff(2));
		assertThat(store.find(row.id()).orElseThrow()).satisfies(r -> {
			assertThat(r.status()).hasToString("failed");
			assertThat(r.attempts()).isEqualTo(settings.retry().attempts());
		});
		assertThat(events.stream(NotificationFailed.class).filter(e -> e.deliveryId().equals(row.id()))).singleElement()
			.satisfies(e -> assertThat(e.reason()).contains("mail server"));
		var next = store.bySubject(Subject.incident(incident.number()).key()).get(1);
		assertThat(next.attempts()).as("the next rule was tried at once, not after its 10 minutes").isEqualTo(1);

		TestMail.start();
		timePasses(settings.backoff(1));

		assertThat(clock.instant()).isBefore(pagedAt.plus(Duration.ofMinutes(10)));
		assertThat(pages(second)).hasSize(1);
		assertThat(pages(first)).isEmpty();
	}

	@Test
	void aStormOfPagesBecomesAFewMessagesAndOneBundle() {
		var ida = person("responder");
		var address = address("ida");
		rule(ida, "high", verifiedEmail(ida, address), 0);
		var perMinute = settings.throttles(dev.firebreak.notification.ContactType.EMAIL).get(0);
		var storm = perMinute.count() + 3;
		var numbers = new java.util.ArrayList<Long>();

		for (var i = 0; i < storm; i++) {
			var incident = incident("Storm " + i, Severity.SEV2, List.of());
			numbers.add(incident.number());
			page(key(), ida, incident, "level 1");
			settle();
		}
		assertThat(pages(address)).hasSize(perMinute.count());

		timePasses(perMinute.per());

		var mails = pages(address);
		assertThat(mails).hasSize(perMinute.count() + 1);
		var bundle = mails.get(mails.size() - 1);
		assertThat(TestMail.subject(bundle)).startsWith("3 pages: ");
		var held = numbers.subList(perMinute.count(), storm);
		for (var number : held) {
			assertThat(TestMail.text(bundle)).contains("INC-" + number + " ");
		}
		var answers = held.stream().map(n -> store.bySubject(Subject.incident(n).key()).get(0)).toList();
		assertThat(answers).allSatisfy(row -> assertThat(row.status()).hasToString("sent"));
		assertThat(answers).extracting(DeliveryRow::providerAnswer).containsOnly(answers.get(0).providerAnswer());
		assertThat(answers).extracting(DeliveryRow::messageId).containsOnly(answers.get(0).messageId());
	}

	private long latencyCount() {
		var timer = meters.find("firebreak.notification.latency").tag("contact_type", "email").timer();
		return timer == null ? 0 : timer.count();
	}
}
