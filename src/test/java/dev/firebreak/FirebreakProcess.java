package dev.firebreak;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Firebreak as a process of its own, for tests that kill it without warning (SIGKILL): what a
 * crash leaves behind cannot be seen from inside the test's JVM. Its output goes to a log file
 * under {@code target}, which every failure names.
 */
public final class FirebreakProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private FirebreakProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts Firebreak on a free port with these settings (Spring properties, given as
	 * {@code --key=value}) and these options of its JVM; it is not yet serving: see {@link #awaitHealthy}.
	 */
	public static FirebreakProcess start(Map<String, ?> settings, Path log, String... jvmOptions) throws IOException {
		// the application's classes and libraries, not the tests' (their configuration would be scanned)
		// (surefire starts tests from a manifest-only jar and names the real class path in its own property)
		var testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		var classpath = List.of(testClasspath.split(File.pathSeparator)).stream()
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
		var port = freePort();
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", classpath, Firebreak.class.getName()));
		settings.forEach((key, value) -> {
			if (!key.equals("server.port")) {
				command.add("--" + key + "=" + value);
			}
		});
		command.add("--server.port=" + port);
		Files.createDirectories(log.toAbsolutePath().getParent());
		var process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new FirebreakProcess(process, port, log);
	}

	/** {@code http://127.0.0.1:<port>} */
	public String base() {
		return "http://127.0.0.1:" + port;
	}

	public Path log() {
		return log;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Waits until the health endpoint answers 200; fails if the process exits first or takes longer than this. */
	public void awaitHealthy(Duration atMost) throws InterruptedException {
		var deadline = Instant.now().plus(atMost);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("Firebreak exited at start-up; see " + log);
			}
			try {
				var health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(250);
		}
		throw new AssertionError("Firebreak did not become healthy in " + atMost.toSeconds() + " s; see " + log);
	}

	/** SIGKILL: no shutdown hook runs, nothing is finished or handed over; returns once the process is gone. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/** Kills the process if it is still running: for {@code finally} and {@code @AfterEach}. */
	@Override
	public void close() {
		process.destroyForcibly();
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
