package dev.firebreak;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.awaitility.Awaitility;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * The base of every test that runs against the whole application and its database. Tagged
 * {@code db}: each runs on H2 and again on PostgreSQL. All share one application context per
 * database, so a test makes its own data (unique names) and never assumes an empty database.
 */
@Tag("db")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "firebreak.admin.email=" + ApiTest.ADMIN_EMAIL, "firebreak.admin.password=" + ApiTest.ADMIN_PASSWORD,
				"firebreak.data-dir=target/test-data",
				// the lowest BCrypt cost: tests sign in thousands of times, and the cost is not what they test
				"firebreak.sign-in.password-cost=4",
				// durable timers run when a test says time passed, on its thread (see settle())
				"firebreak.timers.manual=true" })
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public abstract class ApiTest {

	public static final String ADMIN_EMAIL = "admin@firebreak.test";

	public static final String ADMIN_PASSWORD = "correct horse battery staple";

	public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected SettableClock clock;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Scheduler timers;

	protected Api api;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
		dev.firebreak.notification.TestMail.register(registry);
		FakeProviders.register(registry);
	}

	@Autowired
	void api(MockMvc mvc, JsonMapper json) {
		this.api = new Api(mvc, json);
	}

	/**
	 * Waits until every event between modules has been handled, so one test's asynchronous work
	 * (an alert opening an incident) never lands in the next test. A listener that failed leaves
	 * its event incomplete, and this fails the test that caused it.
	 */
	@AfterEach
	protected void eventsBetweenModulesAreHandled() {
		Awaitility.await("events between modules handled").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class).single() == 0);
	}

	/**
	 * "10 minutes pass": lets what is due now happen first (a listener still running must not see
	 * the later time), then moves the clock and lets everything that became due happen.
	 */
	protected void timePasses(Duration duration) {
		settle();
		clock.advance(duration);
		settle();
	}

	/**
	 * Lets the application come to rest at the current simulated time: events between modules are
	 * handled and due durable timers run, again and again, until neither has anything left to do
	 * (a timer may publish an event whose listener sets a timer due now).
	 */
	protected void settle() {
		for (int round = 0; round < 50; round++) {
			eventsBetweenModulesAreHandled();
			if (dueTimers() == 0) {
				return;
			}
			((ManualScheduler) timers).runAnyDueExecutions();
		}
		throw new AssertionError("timers and events did not come to rest after 50 rounds");
	}

	private long dueTimers() {
		return jdbc.sql("select count(*) from scheduled_tasks where picked = false and execution_time <= :now")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	protected String adminToken() {
		return api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	/** A new account with the given role, and a token for it. */
	protected Person person(String role) {
		var email = role + "-" + UUID.randomUUID() + "@firebreak.test";
		var password = "password-" + UUID.randomUUID();
		var created = api.post("/api/v1/accounts", adminToken(), """
				{"email": "%s", "display_name": "%s %s", "role": "%s", "password": "%s"}"""
			.formatted(email, role, email.substring(role.length() + 1, role.length() + 7), role, password));
		created.expectStatus(201);
		return new Person(UUID.fromString(created.json().get("id").asString()), email, password,
				api.token(email, password));
	}

	public record Person(UUID id, String email, String password, String token) {
	}
}
