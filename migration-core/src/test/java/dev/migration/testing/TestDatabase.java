package dev.migration.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

import dev.migration.sql.Dialect;
import dev.migration.sql.DriverDataSource;

/**
 * The one fixture that knows how to get each database. Every call to {@link #create}
 * gives a fresh, empty, isolated database: a new in-memory H2 database, a new SQLite
 * file, a new schema on PostgreSQL, a new database on MariaDB. Servers come from
 * environment variables ({@code MIGRATION_TEST_POSTGRESQL_URL}, {@code _USER},
 * {@code _PASSWORD}; likewise {@code MIGRATION_TEST_MARIADB_*}), else from Testcontainers
 * where Docker runs, else the test is skipped with a message, unless
 * {@code MIGRATION_TEST_REQUIRE_DATABASES=true} (CI), where it fails.
 */
public final class TestDatabase implements AutoCloseable {

	private static final Map<DatabaseKind, Server> servers = new ConcurrentHashMap<>();

	private final DatabaseKind kind;

	private final String name;

	private final String url;

	private final String user;

	private final String password;

	private final Runnable cleanup;

	private TestDatabase(DatabaseKind kind, String name, String url, String user, String password, Runnable cleanup) {
		this.kind = kind;
		this.name = name;
		this.url = url;
		this.user = user;
		this.password = password;
		this.cleanup = cleanup;
	}

	/** Every kind, for {@code @MethodSource}. */
	public static Stream<DatabaseKind> kinds() {
		return Stream.of(DatabaseKind.values());
	}

	/**
	 * A fresh isolated database of the given kind.
	 * @param kind the kind
	 * @return the database; close it to drop it
	 */
	public static TestDatabase create(DatabaseKind kind) {
		String name = "mt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		return switch (kind) {
			case H2 -> new TestDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "",
					() -> executeOn("jdbc:h2:mem:" + name, "sa", "", "SHUTDOWN"));
			case SQLITE -> sqlite(name);
			case POSTGRESQL -> postgresql(name);
			case MARIADB -> mariadb(name);
		};
	}

	/**
	 * An H2 file database, for tests whose database must outlive a JVM (in-memory H2 does
	 * not).
	 * @param file the file, without H2's extension
	 * @return the database; close it to drop it
	 */
	public static TestDatabase h2File(Path file) {
		String url = "jdbc:h2:file:" + file.toAbsolutePath();
		return new TestDatabase(DatabaseKind.H2, file.getFileName().toString(), url, "sa", "",
				() -> executeOn(url, "sa", "", "DROP ALL OBJECTS DELETE FILES"));
	}

	/**
	 * A fresh PostgreSQL database of its own (with a schema of the same random name), for
	 * tests whose statements wait on every transaction of their database, such as
	 * {@code CREATE INDEX CONCURRENTLY}: tests running beside it in the shared database
	 * cannot hold it up.
	 * @return the database; close it to drop it
	 */
	public static TestDatabase createPostgresqlDatabase() {
		String name = "mt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Server server = server(DatabaseKind.POSTGRESQL);
		executeOn(server.url, server.user, server.password, "CREATE DATABASE " + name);
		String own = replaceDatabase(server.url, name);
		executeOn(own, server.user, server.password, "CREATE SCHEMA " + name);
		String url = own + (own.contains("?") ? "&" : "?") + "currentSchema=" + name;
		return new TestDatabase(DatabaseKind.POSTGRESQL, name, url, server.user, server.password,
				() -> executeOn(server.url, server.user, server.password,
						"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
	}

	/** A database made elsewhere in this package (PgBouncer, Galera). */
	static TestDatabase of(DatabaseKind kind, String name, String url, String user, String password, Runnable cleanup) {
		return new TestDatabase(kind, name, url, user, password, cleanup);
	}

	private static TestDatabase sqlite(String name) {
		try {
			Path dir = Files.createTempDirectory("migration-sqlite");
			Path file = dir.resolve(name + ".db");
			return new TestDatabase(DatabaseKind.SQLITE, name, "jdbc:sqlite:" + file, "", "", () -> {
				try {
					try (Stream<Path> files = Files.list(dir)) {
						for (Path path : files.toList()) {
							Files.deleteIfExists(path);
						}
					}
					Files.deleteIfExists(dir);
				}
				catch (java.io.IOException ex) {
					// best effort: a temp file left behind does not affect other tests
				}
			});
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static TestDatabase postgresql(String name) {
		Server server = server(DatabaseKind.POSTGRESQL);
		executeOn(server.url, server.user, server.password, "CREATE SCHEMA " + name);
		String url = server.url + (server.url.contains("?") ? "&" : "?") + "currentSchema=" + name;
		return new TestDatabase(DatabaseKind.POSTGRESQL, name, url, server.user, server.password,
				() -> executeOn(server.url, server.user, server.password,
						"DROP SCHEMA IF EXISTS " + name + " CASCADE"));
	}

	private static TestDatabase mariadb(String name) {
		Server server = server(DatabaseKind.MARIADB);
		executeOn(server.url, server.user, server.password, "CREATE DATABASE " + name);
		String url = replaceDatabase(server.url, name);
		return new TestDatabase(DatabaseKind.MARIADB, name, url, server.user, server.password,
				() -> executeOn(server.url, server.user, server.password, "DROP DATABASE IF EXISTS " + name));
	}

	/**
	 * jdbc:mariadb://host:port/db?params (or jdbc:postgresql:) with the database
	 * replaced.
	 */
	static String replaceDatabase(String url, String database) {
		int hostStart = url.indexOf("//") + 2;
		int slash = url.indexOf('/', hostStart);
		int query = url.indexOf('?', hostStart);
		String params = (query >= 0) ? url.substring(query) : "";
		String base = (slash >= 0) ? url.substring(0, slash) : ((query >= 0) ? url.substring(0, query) : url);
		return base + "/" + database + params;
	}

	static Server server(DatabaseKind kind) {
		return servers.computeIfAbsent(kind, TestDatabase::locate);
	}

	private static Server locate(DatabaseKind kind) {
		String prefix = "MIGRATION_TEST_" + kind.name() + "_";
		String url = System.getenv(prefix + "URL");
		if (url != null && !url.isBlank()) {
			Server server = new Server(url, env(prefix + "USER"), env(prefix + "PASSWORD"));
			try (Connection connection = DriverManager.getConnection(server.url, server.user, server.password)) {
				return server;
			}
			catch (SQLException ex) {
				return unavailable(kind, "cannot connect to " + url + ": " + ex.getMessage());
			}
		}
		Server container = Containers.start(kind);
		if (container != null) {
			return container;
		}
		return unavailable(kind, "set " + prefix + "URL (and _USER, _PASSWORD) or run a Docker engine");
	}

	static Server unavailable(Object kind, String why) {
		String message = kind + " is not available for tests: " + why;
		if (Boolean.parseBoolean(System.getenv("MIGRATION_TEST_REQUIRE_DATABASES"))) {
			throw new IllegalStateException(message + " (MIGRATION_TEST_REQUIRE_DATABASES=true)");
		}
		System.err.println("SKIPPED: " + message);
		Assumptions.abort(message);
		throw new IllegalStateException("unreachable");
	}

	static String env(String name) {
		String value = System.getenv(name);
		return (value != null) ? value : "";
	}

	static void executeOn(String url, String user, String password, String... sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test database set-up failed on " + url + ": " + ex.getMessage(), ex);
		}
	}

	public DatabaseKind kind() {
		return this.kind;
	}

	public Dialect dialect() {
		return this.kind.dialect();
	}

	/**
	 * The schema (PostgreSQL), database (MariaDB) or file stem (H2, SQLite) made for this
	 * test.
	 */
	public String name() {
		return this.name;
	}

	public String url() {
		return this.url;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/** A non-pooling DataSource on this database. */
	public DataSource dataSource() {
		return new DriverDataSource(this.url, this.user, this.password);
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/** Run statements on this database (test set-up and assertions). */
	public void execute(String... sql) {
		executeOn(this.url, this.user, this.password, sql);
	}

	/** Rows of a query as lists of strings (nulls kept), for assertions. */
	public List<List<String>> query(String sql) {
		return queryOn(this.url, this.user, this.password, sql);
	}

	/**
	 * Rows of a query on a database this fixture did not make (e.g. an H2 file an
	 * application wrote), as lists of strings (nulls kept).
	 */
	public static List<List<String>> queryOn(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				java.sql.ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			List<List<String>> rows = new ArrayList<>();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(rs.getString(i));
				}
				rows.add(row);
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** Table names in this test's schema, lower case, sorted. */
	public List<String> tables() {
		try (Connection connection = connect()) {
			String schema = switch (this.kind) {
				case POSTGRESQL -> this.name;
				case H2 -> "PUBLIC";
				default -> null;
			};
			String catalog = (this.kind == DatabaseKind.MARIADB) ? this.name : null;
			List<String> names = new ArrayList<>();
			try (java.sql.ResultSet rs = connection.getMetaData()
				.getTables(catalog, schema, "%", new String[] { "TABLE" })) {
				while (rs.next()) {
					names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
				}
			}
			names.sort(null);
			return names;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.cleanup.run();
	}

	@Override
	public String toString() {
		return this.kind + "[" + this.name + "]";
	}

	record Server(String url, String user, String password) {
	}

}
