package dev.migration.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migration.sql.DriverDataSource;

/**
 * One fresh, empty database for one contender and round: a new schema on PostgreSQL, a
 * new database on MariaDB, a new in-memory database on H2. {@link #close()} drops it.
 *
 * @param server the server it lives on
 * @param name the schema's or database's name
 * @param url its JDBC URL
 */
record BenchDatabase(Server server, String name, String url) implements AutoCloseable {

	/**
	 * PostgreSQL takes one lock per dropped object; drop in slices below the lock table.
	 */
	private static final int DROP_SLICE = 200;

	static BenchDatabase create(Server server) throws SQLException {
		String name = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		switch (server.kind()) {
			case H2 -> {
				return new BenchDatabase(server, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
			}
			case POSTGRESQL -> {
				server.execute("CREATE SCHEMA " + name);
				String url = server.url() + (server.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
				return new BenchDatabase(server, name, url);
			}
			case MARIADB -> {
				server.execute("CREATE DATABASE " + name);
				return new BenchDatabase(server, name, replaceDatabase(server.url(), name));
			}
			default -> throw new IllegalStateException(server.kind().toString());
		}
	}

	/** jdbc:mariadb://host:port/db?params with the database replaced. */
	static String replaceDatabase(String url, String database) {
		int hostStart = url.indexOf("//") + 2;
		int slash = url.indexOf('/', hostStart);
		int query = url.indexOf('?', hostStart);
		String params = (query >= 0) ? url.substring(query) : "";
		String base = (slash >= 0) ? url.substring(0, slash) : ((query >= 0) ? url.substring(0, query) : url);
		return base + "/" + database + params;
	}

	String user() {
		return this.server.user();
	}

	String password() {
		return this.server.password();
	}

	DbKind kind() {
		return this.server.kind();
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.server.user(), this.server.password());
	}

	/**
	 * A non-pooling DataSource, as every contender gets: each connection is a new one.
	 */
	DataSource dataSource() {
		return new DriverDataSource(this.url, this.server.user(), this.server.password());
	}

	/**
	 * What the realistic corpus made, tool bookkeeping left out: the number of its
	 * tables, views, functions, triggers, indexes and rows (every contender must end with
	 * the same).
	 * @return a comparable summary
	 * @throws SQLException on a database error
	 */
	String corpusFingerprint() throws SQLException {
		String schema = "'" + this.name + "'";
		List<String> queries = (this.server.kind() == DbKind.POSTGRESQL) ? List.of(
				"SELECT count(*) FROM pg_tables WHERE schemaname = " + schema + " AND tablename LIKE 'acct%'",
				"SELECT count(*) FROM pg_views WHERE schemaname = " + schema + " AND viewname LIKE 'v%'",
				"SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = "
						+ schema,
				"SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = " + schema,
				"SELECT count(*) FROM pg_indexes WHERE schemaname = " + schema + " AND tablename LIKE 'acct%'",
				"SELECT count(*) FROM information_schema.columns WHERE table_schema = " + schema
						+ " AND table_name LIKE 'acct%'")
				: List.of(
						"SELECT count(*) FROM information_schema.tables WHERE table_schema = " + schema
								+ " AND table_name LIKE 'acct%' AND table_type = 'BASE TABLE'",
						"SELECT count(*) FROM information_schema.views WHERE table_schema = " + schema,
						"SELECT count(*) FROM information_schema.routines WHERE routine_schema = " + schema,
						"SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = " + schema,
						"SELECT count(DISTINCT table_name, index_name) FROM information_schema.statistics"
								+ " WHERE table_schema = " + schema + " AND table_name LIKE 'acct%'",
						"SELECT count(*) FROM information_schema.columns WHERE table_schema = " + schema
								+ " AND table_name LIKE 'acct%'");
		List<String> labels = List.of("tables", "views", "functions", "triggers", "indexes", "columns");
		StringBuilder fingerprint = new StringBuilder();
		List<String> tables = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (int i = 0; i < queries.size(); i++) {
				try (ResultSet rs = statement.executeQuery(queries.get(i))) {
					rs.next();
					fingerprint.append(labels.get(i)).append('=').append(rs.getLong(1)).append(' ');
				}
			}
			String list = (this.server.kind() == DbKind.POSTGRESQL)
					? "SELECT tablename FROM pg_tables WHERE schemaname = " + schema + " AND tablename LIKE 'acct%'"
					: "SELECT table_name FROM information_schema.tables WHERE table_schema = " + schema
							+ " AND table_name LIKE 'acct%' AND table_type = 'BASE TABLE'";
			try (ResultSet rs = statement.executeQuery(list)) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			long rows = 0;
			for (String table : tables) {
				try (ResultSet rs = statement.executeQuery("SELECT count(*), count(DISTINCT status) FROM " + table)) {
					rs.next();
					rows += rs.getLong(1) * 10 + rs.getLong(2);
				}
			}
			fingerprint.append("rows=").append(rows);
		}
		return fingerprint.toString();
	}

	@Override
	public void close() {
		try {
			switch (this.server.kind()) {
				case H2 -> this.server.executeOn(this.url, "SHUTDOWN");
				case POSTGRESQL -> dropPostgresqlSchema();
				case MARIADB -> this.server.execute("DROP DATABASE IF EXISTS " + this.name);
				default -> throw new IllegalStateException(this.server.kind().toString());
			}
		}
		catch (SQLException ex) {
			System.err.println("warning: could not drop " + this.name + ": " + ex.getMessage());
		}
	}

	private void dropPostgresqlSchema() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.server.url(), this.server.user(),
				this.server.password()); Statement statement = connection.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = statement
				.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + this.name + "'")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			connection.setAutoCommit(false);
			for (int i = 0; i < tables.size(); i += DROP_SLICE) {
				List<String> slice = tables.subList(i, Math.min(tables.size(), i + DROP_SLICE));
				StringBuilder sql = new StringBuilder("DROP TABLE ");
				for (int j = 0; j < slice.size(); j++) {
					sql.append((j > 0) ? ", " : "").append(this.name).append(".\"").append(slice.get(j)).append('"');
				}
				statement.execute(sql.append(" CASCADE").toString());
				connection.commit();
			}
			statement.execute("DROP SCHEMA IF EXISTS " + this.name + " CASCADE");
			connection.commit();
		}
	}

	/** The database kinds the harness runs against. */
	enum DbKind {

		H2, POSTGRESQL, MARIADB;

		static DbKind parse(String name) {
			return switch (name.toLowerCase(Locale.ROOT)) {
				case "h2" -> H2;
				case "postgresql", "postgres", "pg" -> POSTGRESQL;
				case "mariadb", "mysql" -> MARIADB;
				default -> throw new IllegalArgumentException(
						"--db must be one of postgresql, mariadb, h2 (was '" + name + "')");
			};
		}

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Where fresh databases are made: the server's URL and credentials (unused for H2).
	 *
	 * @param kind the kind
	 * @param url the server URL (its database is where schemas are created)
	 * @param user the user
	 * @param password the password
	 */
	record Server(DbKind kind, String url, String user, String password) {

		void execute(String sql) throws SQLException {
			executeOn(this.url, sql);
		}

		void executeOn(String target, String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(target, this.user, this.password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

		/** The server's product version, for the report. */
		String version() {
			String target = (this.kind == DbKind.H2) ? "jdbc:h2:mem:version" : this.url;
			try (Connection connection = DriverManager.getConnection(target, this.user, this.password)) {
				return connection.getMetaData().getDatabaseProductName() + " "
						+ connection.getMetaData().getDatabaseProductVersion();
			}
			catch (SQLException ex) {
				return "unknown (" + ex.getMessage() + ")";
			}
		}

	}

}
