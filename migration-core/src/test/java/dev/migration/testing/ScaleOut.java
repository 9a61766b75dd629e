package dev.migration.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Databases behind the scale-out components that {@code .ci/services} starts: PgBouncer
 * in transaction pooling mode ({@code MIGRATION_TEST_PGBOUNCER_URL}, {@code _USER},
 * {@code _PASSWORD}) in front of the PostgreSQL of {@code MIGRATION_TEST_POSTGRESQL_URL},
 * and a three-node MariaDB Galera cluster ({@code MIGRATION_TEST_GALERA_URLS}, one URL
 * per node, comma separated; {@code _USER}, {@code _PASSWORD}). Missing or down, the test
 * is skipped, or fails under {@code MIGRATION_TEST_REQUIRE_DATABASES=true}.
 */
public final class ScaleOut {

	private ScaleOut() {
	}

	/**
	 * A fresh PostgreSQL database reached through PgBouncer. Its tables live in
	 * {@code public}, which is what {@link TestDatabase#name()} says; closing it drops
	 * the database.
	 * @return the database
	 */
	public static TestDatabase pgbouncer() {
		Login login = login("PgBouncer", "MIGRATION_TEST_PGBOUNCER_", "URL", "it");
		String user = login.user();
		String password = login.password();
		TestDatabase.Server server = TestDatabase.server(DatabaseKind.POSTGRESQL);
		String database = name();
		TestDatabase.executeOn(server.url(), server.user(), server.password(), "CREATE DATABASE " + database);
		String pooled = TestDatabase.replaceDatabase(login.url(), database);
		try (Connection connection = DriverManager.getConnection(pooled, user, password)) {
			connection.isValid(5);
		}
		catch (SQLException ex) {
			TestDatabase.executeOn(server.url(), server.user(), server.password(), "DROP DATABASE " + database);
			TestDatabase.unavailable("PgBouncer", "cannot connect to " + pooled + ": " + ex.getMessage());
		}
		return TestDatabase.of(DatabaseKind.POSTGRESQL, "public", pooled, user, password,
				() -> TestDatabase.executeOn(server.url(), server.user(), server.password(),
						"DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
	}

	/**
	 * A fresh database on the Galera cluster.
	 * @return the database, one handle per node
	 */
	public static Galera galera() {
		Login login = login("Galera", "MIGRATION_TEST_GALERA_", "URLS", "the cluster");
		String user = login.user();
		String password = login.password();
		List<String> nodeUrls = Arrays.stream(login.url().split(",")).map(String::strip).toList();
		String database = name();
		try {
			TestDatabase.executeOn(nodeUrls.get(0), user, password, "CREATE DATABASE " + database);
		}
		catch (IllegalStateException ex) {
			TestDatabase.unavailable("Galera", ex.getMessage());
		}
		// Galera certifies DDL on every node at once but applies it on each in its own
		// time:
		// a connection to another node can still miss the database for a moment
		for (String nodeUrl : nodeUrls) {
			awaitDatabase(nodeUrl, user, password, database);
		}
		List<TestDatabase> nodes = new ArrayList<>();
		for (String nodeUrl : nodeUrls) {
			nodes.add(TestDatabase.of(DatabaseKind.MARIADB, database, TestDatabase.replaceDatabase(nodeUrl, database),
					user, password, () -> {
					}));
		}
		String hosts = String.join(",", nodeUrls.stream().map(ScaleOut::hostAndPort).toList());
		TestDatabase loadBalanced = TestDatabase.of(DatabaseKind.MARIADB, database,
				"jdbc:mariadb:loadbalance://" + hosts + "/" + database, user, password, () -> {
				});
		return new Galera(nodes, loadBalanced,
				() -> TestDatabase.executeOn(nodeUrls.get(0), user, password, "DROP DATABASE IF EXISTS " + database));
	}

	/**
	 * The URL, user and password of a component from the environment; without the URL the
	 * component is unavailable.
	 */
	private static Login login(String component, String prefix, String urlSuffix, String started) {
		String url = TestDatabase.env(prefix + urlSuffix);
		if (url.isBlank()) {
			TestDatabase.unavailable(component, "set " + prefix + urlSuffix + " (.ci/services starts " + started + ")");
		}
		return new Login(url, TestDatabase.env(prefix + "USER"), TestDatabase.env(prefix + "PASSWORD"));
	}

	private record Login(String url, String user, String password) {
	}

	private static void awaitDatabase(String nodeUrl, String user, String password, String database) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (true) {
			try (Connection connection = DriverManager.getConnection(nodeUrl, user, password);
					PreparedStatement query = connection
						.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
				query.setString(1, database);
				try (ResultSet rows = query.executeQuery()) {
					if (rows.next()) {
						return;
					}
				}
			}
			catch (SQLException ex) {
				// a node still starting answers later
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Database " + database + " did not reach Galera node " + nodeUrl);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static String hostAndPort(String url) {
		int start = url.indexOf("//") + 2;
		int end = url.indexOf('/', start);
		return url.substring(start, (end >= 0) ? end : url.length());
	}

	private static String name() {
		return "mt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/**
	 * One database on every node of the cluster.
	 *
	 * @param nodes a handle per node, each connecting to that node only
	 * @param loadBalanced a handle whose connections spread over the nodes
	 * @param drop drops the database
	 */
	public record Galera(List<TestDatabase> nodes, TestDatabase loadBalanced, Runnable drop) implements AutoCloseable {

		@Override
		public void close() {
			this.drop.run();
		}

	}

}
