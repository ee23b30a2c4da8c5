package dev.firebreak.statuspage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Large rendered bodies also kept as files, so that Tomcat can hand them to the kernel with
 * sendfile instead of copying them through the JVM for every reader, as a static web server does.
 * A file is named by its content's version tag, written once, and deleted a while after the page
 * moved on (a reader may still be being sent it).
 */
@Component
class SendfileCopies {

	/** Below this, copying is as cheap as opening a file (Tomcat's own default servlet draws the line here). */
	static final int SMALLEST = 48 * 1024;

	private static final Duration KEPT_AFTER_USE = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(SendfileCopies.class);

	private final Path directory;

	private final Clock clock;

	private final Map<String, Copy> copies = new ConcurrentHashMap<>();

	SendfileCopies(@Value("${firebreak.data-dir}") String dataDir, Clock clock) {
		this.directory = Path.of(dataDir, "statuspage");
		this.clock = clock;
	}

	/** The file holding this body, written the first time; null when the body is too small to be worth it. */
	Path fileOf(Snapshot.Rendered rendered) {
		if (rendered.body().length < SMALLEST) {
			return null;
		}
		var now = clock.instant();
		Copy copy;
		try {
			copy = copies.computeIfAbsent(rendered.etag(), tag -> new Copy(write(rendered), now));
		}
		catch (UncheckedIOException e) {
			// a full or read-only disk: the bytes are written from memory instead
			log.warn("{}; the status page is sent from memory", e.getMessage());
			return null;
		}
		copy.usedAt = now;
		if (copies.size() > 16) {
			forgetOld(now);
		}
		return copy.file;
	}

	private Path write(Snapshot.Rendered rendered) {
		try {
			Files.createDirectories(directory);
			var file = directory.resolve(rendered.etag().replace("\"", "") + ".body");
			var partial = Files.createTempFile(directory, "writing-", ".part");
			Files.write(partial, rendered.body());
			return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("The status page's copy could not be written in " + directory, e);
		}
	}

	private void forgetOld(Instant now) {
		copies.entrySet().removeIf(entry -> {
			if (entry.getValue().usedAt.plus(KEPT_AFTER_USE).isAfter(now)) {
				return false;
			}
			try {
				Files.deleteIfExists(entry.getValue().file);
			}
			catch (IOException e) {
				// a copy left behind is only disk space; the next start writes afresh
			}
			return true;
		});
	}

	private static final class Copy {

		private final Path file;

		private volatile Instant usedAt;

		Copy(Path file, Instant usedAt) {
			this.file = file;
			this.usedAt = usedAt;
		}
	}
}
