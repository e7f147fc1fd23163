package jp.mamori.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for tests: the server named by {@code MAMORI_TEST_PG_URL} (CI starts
 * Debian's PostgreSQL and sets it, with {@code MAMORI_TEST_PG_USER}/{@code _PASSWORD}),
 * otherwise PostgreSQL binaries from Maven Central started once per test JVM. Every test
 * context gets a database of its own.
 */
public final class PostgresDatabase {

	private static String adminUrl;

	private static String user;

	private static String password;

	private PostgresDatabase() {
	}

	private static synchronized void start() {
		if (adminUrl != null) {
			return;
		}
		String url = System.getenv("MAMORI_TEST_PG_URL");
		if (url != null && !url.isBlank()) {
			adminUrl = url;
			user = System.getenv().getOrDefault("MAMORI_TEST_PG_USER", "mamori");
			password = System.getenv().getOrDefault("MAMORI_TEST_PG_PASSWORD", "mamori");
			return;
		}
		try {
			EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					pg.close();
				}
				catch (IOException ignored) {
					// the JVM is going away anyway
				}
			}));
			adminUrl = pg.getJdbcUrl("postgres", "postgres");
			user = "postgres";
			password = "postgres";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start embedded PostgreSQL", ex);
		}
	}

	/** A fresh database: its JDBC URL, user and password. */
	public record Database(String url, String user, String password) {
	}

	/** Creates a fresh database and points the Spring context at it. */
	public static void register(DynamicPropertyRegistry registry) {
		Database db = create();
		registry.add("spring.datasource.url", db::url);
		registry.add("spring.datasource.username", db::user);
		registry.add("spring.datasource.password", db::password);
		// the test context cache keeps every PostgreSQL context alive with its pool:
		// small
		// pools keep dozens of them within the server's max_connections
		registry.add("spring.datasource.hikari.maximum-pool-size", () -> "6");
		registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
	}

	/** Creates a fresh database on the test server. */
	public static Database create() {
		start();
		String name = "mamori_test_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
			s.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create test database on " + adminUrl, ex);
		}
		String url = adminUrl.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
		return new Database(url, user, password);
	}

}
