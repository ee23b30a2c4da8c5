package dev.firebreak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database a test run uses, chosen by the system property {@code firebreak.test.database}:
 * {@code h2} (in memory, PostgreSQL mode) or {@code postgres}. For PostgreSQL, a server from
 * {@code FIREBREAK_TEST_DB_URL} if set, else a real embedded PostgreSQL started once per JVM.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("firebreak.test.database", "h2"));
	}

	public static void register(DynamicPropertyRegistry registry) {
		if (!isPostgres()) {
			registry.add("spring.datasource.url",
					() -> "jdbc:h2:mem:firebreak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			registry.add("spring.datasource.username", () -> "sa");
			registry.add("spring.datasource.password", () -> "");
			return;
		}
		var external = System.getenv("FIREBREAK_TEST_DB_URL");
		if (external != null && !external.isBlank()) {
			registry.add("spring.datasource.url", () -> external);
			registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("FIREBREAK_TEST_DB_USER", "postgres"));
			registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("FIREBREAK_TEST_DB_PASSWORD", ""));
			return;
		}
		var server = embedded();
		registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/**
	 * The settings of one instance of a test cluster: a new PostgreSQL database of its own (named
	 * with this prefix), a random port, this first administrator, and one secret key for the whole
	 * cluster, as the README asks.
	 */
	public static Map<String, Object> clusterInstance(String prefix, String adminEmail, String adminPassword) {
		var properties = new java.util.HashMap<String, Object>(
				freshPostgres(prefix + "_" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
		properties.put("server.port", "0");
		properties.put("firebreak.admin.email", adminEmail);
		properties.put("firebreak.admin.password", adminPassword);
		properties.put("firebreak.data-dir", "target/test-data");
		properties.put("firebreak.secret-key", java.util.Base64.getEncoder().encodeToString(new byte[32]));
		return properties;
	}

	/**
	 * Connection settings for a new, empty PostgreSQL database of its own, as Spring properties:
	 * for tests that start several instances of Firebreak against one database.
	 */
	public static Map<String, Object> freshPostgres(String name) {
		var external = System.getenv("FIREBREAK_TEST_DB_URL");
		String url;
		String user;
		String password;
		if (external != null && !external.isBlank()) {
			url = external;
			user = System.getenv().getOrDefault("FIREBREAK_TEST_DB_USER", "postgres");
			password = System.getenv().getOrDefault("FIREBREAK_TEST_DB_PASSWORD", "");
		}
		else {
			url = embedded().getJdbcUrl("postgres", "postgres");
			user = "postgres";
			password = "postgres";
		}
		try (var connection = DriverManager.getConnection(url, user, password);
				var statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not create the test database " + name, e);
		}
		var query = url.indexOf('?');
		var base = query < 0 ? url : url.substring(0, query);
		var fresh = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
		return Map.of("spring.datasource.url", fresh, "spring.datasource.username", user,
				"spring.datasource.password", password);
	}

	private static synchronized EmbeddedPostgres embedded() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL; set FIREBREAK_TEST_DB_URL to a server", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ignored) {
					// the JVM is ending; the temporary directory goes with it
				}
			}));
		}
		return postgres;
	}
}
