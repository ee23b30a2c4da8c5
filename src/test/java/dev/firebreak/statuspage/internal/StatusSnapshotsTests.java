package dev.firebreak.statuspage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.IContext;

import tools.jackson.databind.json.JsonMapper;

import dev.firebreak.SettableClock;

/** The page stands when rendering fails: readers keep the last good version until it renders again. */
class StatusSnapshotsTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

	private final StatusPagePolicy policy = new StatusPagePolicy(Duration.ofSeconds(1), Duration.ofSeconds(10),
			Duration.ofMinutes(1), 90, 50, Map.of(), Map.of(), 0.3,
			new StatusPagePolicy.Maintenance(Duration.ofMinutes(15), Duration.ofHours(24)));

	private final FailingReader reader = new FailingReader();

	private final PageChanges changes = new PageChanges(null, clock);

	private final StatusSnapshots snapshots = new StatusSnapshots(reader, changes, templates(), JsonMapper.builder().build(),
			policy, clock);

	@Test
	void aFailedRenderingLeavesTheLastGoodPageAndIsTriedAgainLater() {
		var good = snapshots.get(StatusSnapshots.BASE);
		assertThat(good.revision()).isEqualTo(1);

		reader.failing = true;
		changes.noticed();
		assertThat(snapshots.get(StatusSnapshots.BASE)).isSameAs(good);
		var attempts = reader.reads;
		assertThat(snapshots.get(StatusSnapshots.BASE)).isSameAs(good);
		assertThat(reader.reads).as("no new attempt before refresh-every").isEqualTo(attempts);

		reader.failing = false;
		clock.advance(Duration.ofSeconds(2));
		var next = snapshots.get(StatusSnapshots.BASE);
		assertThat(next).isNotSameAs(good);
		assertThat(next.revision()).isEqualTo(reader.reads);
	}

	@Test
	void withoutAnyGoodPageTheFailureIsSaid() {
		reader.failing = true;
		assertThatThrownBy(() -> snapshots.get(StatusSnapshots.BASE)).hasMessageContaining("database away");
	}

	private static ITemplateEngine templates() {
		var engine = mock(ITemplateEngine.class);
		when(engine.process(anyString(), any(IContext.class))).thenReturn("<html></html>");
		return engine;
	}

	private final class FailingReader extends PageReader {

		private boolean failing;

		private int reads;

		FailingReader() {
			super(null, null, null, policy, clock, "http://localhost:8080");
		}

		@Override
		PageData read() {
			reads++;
			if (failing) {
				throw new IllegalStateException("database away");
			}
			var settings = new PageSettings("abc", "Status", null, null, "#1f5fbf", ZoneId.of("UTC"), null, reads,
					clock.instant());
			return new PageData(settings, reads, clock.instant(), "http://localhost:8080/status", List.of(), List.of(),
					Map.of(), List.of(), List.of(), Map.of(), Map.of());
		}
	}
}
