package dev.firebreak.statuspage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.firebreak.SettableClock;

class SendfileCopiesTests {

	@TempDir
	Path dataDir;

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));

	@Test
	void aLargeBodyIsKeptAsAFileOnceAndASmallOneNot() throws IOException {
		var copies = new SendfileCopies(dataDir.toString(), clock);
		var large = Snapshot.Rendered.of("x".repeat(SendfileCopies.SMALLEST), Snapshot.HTML, clock.instant());
		var small = Snapshot.Rendered.of("x".repeat(SendfileCopies.SMALLEST - 1), Snapshot.HTML, clock.instant());

		var file = copies.fileOf(large);

		assertThat(Files.readAllBytes(file)).isEqualTo(large.body());
		assertThat(copies.fileOf(large)).isEqualTo(file);
		assertThat(copies.fileOf(small)).isNull();
	}

	@Test
	void copiesNobodyAskedForInAWhileAreDeleted() {
		var copies = new SendfileCopies(dataDir.toString(), clock);
		var first = copies.fileOf(body(0));
		clock.advance(Duration.ofMinutes(2));
		Path last = null;
		for (var i = 1; i <= 17; i++) {
			last = copies.fileOf(body(i));
		}

		assertThat(first).doesNotExist();
		assertThat(last).exists();
	}

	private Snapshot.Rendered body(int version) {
		return Snapshot.Rendered.of(version + "y".repeat(SendfileCopies.SMALLEST), Snapshot.HTML, clock.instant());
	}
}
