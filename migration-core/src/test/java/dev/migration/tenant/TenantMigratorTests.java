package dev.migration.tenant;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationTargets;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Many schemas in one run, on the server databases. */
class TenantMigratorTests {

	@TempDir
	Path dir;

	private String location() throws Exception {
		String[][] revisions = { { "a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);" },
				{ "a2", "a1", "CREATE TABLE t2 (id INT PRIMARY KEY);" },
				{ "a3", "a2", "CREATE TABLE t3 (id INT PRIMARY KEY);" } };
		for (String[] revision : revisions) {
			Files.writeString(this.dir.resolve(revision[0] + "_revision.sql"),
					"-- migration: Revision " + revision[0] + "\n-- revision: " + revision[0] + "\n"
							+ (revision[1].isEmpty() ? "" : "-- revises: " + revision[1] + "\n") + "\n-- +upgrade\n"
							+ revision[2] + "\n");
		}
		return "filesystem:" + this.dir;
	}

	private static List<String> schemas(TestDatabase db, int count) {
		List<String> schemas = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			schemas.add(db.name() + "_t" + i);
		}
		return schemas;
	}

	private static void drop(TestDatabase db, List<String> schemas) {
		for (String schema : schemas) {
			db.execute((db.kind() == DatabaseKind.MARIADB) ? "DROP DATABASE IF EXISTS " + schema
					: "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	/** The engine on the test's database, with the scripts of the folder. */
	private MigrationConfig config(TestDatabase db) throws Exception {
		return MigrationConfig.builder().dataSource(db.dataSource()).locations(location()).build();
	}

	private static List<List<String>> rows(TestDatabase db, String sql) {
		return db.query(sql);
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void everySchemaGetsItsOwnTablesAndVersionTable(TestDatabase db) throws Exception {
		List<String> schemas = schemas(db, 5);
		try {
			MigrationConfig config = config(db);
			TenantRun run = new TenantMigrator(config, MigrationTargets.of(schemas), 4).upgrade("heads");
			assertThat(run.succeeded()).isTrue();
			assertThat(run.summary()).isEqualTo("5 schemas: 5 migrated, 0 failed");
			assertThat(run.tenants()).extracting(TenantResult::schema).containsExactlyElementsOf(schemas);
			assertThat(run.tenants())
				.allMatch((tenant) -> tenant.applied() == 3 && tenant.heads().equals(List.of("a3")));
			for (String schema : schemas) {
				assertThat(rows(db, "SELECT version_num FROM " + schema + ".migration_version"))
					.containsExactly(List.of("a3"));
				assertThat(rows(db, "SELECT COUNT(*) FROM " + schema + ".t3")).containsExactly(List.of("0"));
			}
			// the test's own schema is untouched
			assertThat(db.tables()).isEmpty();
		}
		finally {
			drop(db, schemas);
		}
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void oneSchemasFailureLeavesTheOthersMigratedAndIsReported(DatabaseKind kind, TestDatabase db) throws Exception {
		List<String> schemas = schemas(db, 4);
		String broken = schemas.get(1);
		try {
			// an (empty) version table, so the schema counts as the tool's and is not
			// refused for a baseline: a1 runs, a2 fails on the table in its way
			db.execute(((kind == DatabaseKind.MARIADB) ? "CREATE DATABASE " : "CREATE SCHEMA ") + broken,
					"CREATE TABLE " + broken + ".t2 (id INT PRIMARY KEY)",
					"CREATE TABLE " + broken + ".migration_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)");
			MigrationConfig config = config(db);
			TenantRun run = new TenantMigrator(config, MigrationTargets.of(schemas), 2).upgrade("heads");
			assertThat(run.succeeded()).isFalse();
			assertThat(run.summary()).isEqualTo("4 schemas: 3 migrated, 1 failed (" + broken + ")");
			assertThat(run.failed()).singleElement().satisfies((tenant) -> {
				assertThat(tenant.schema()).isEqualTo(broken);
				assertThat(tenant.error()).startsWith("Revision a2 (").contains("failed");
			});
			for (String schema : schemas) {
				String expected = schema.equals(broken) ? "a1" : "a3";
				assertThat(rows(db, "SELECT version_num FROM " + schema + ".migration_version")).as(schema)
					.containsExactly(List.of(expected));
			}
			TenantMigrationException ex = new TenantMigrationException(run);
			assertThat(ex.getMessage())
				.startsWith(
						"Migrating 4 schemas: 3 migrated, 1 failed (" + broken + ").\n  " + broken + ": Revision a2 (")
				.endsWith("\nThe other schemas are unaffected; fix the failed ones and run again (schemas that "
						+ "are up to date are skipped)");
		}
		finally {
			drop(db, schemas);
		}
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void connectionsNeverExceedTheParallelism(TestDatabase db) throws Exception {
		List<String> schemas = schemas(db, 12);
		try {
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			MigrationConfig config = MigrationConfig.builder().dataSource(counting).locations(location()).build();
			TenantRun run = new TenantMigrator(config, MigrationTargets.of(schemas), 4).upgrade("heads");
			assertThat(run.succeeded()).isTrue();
			// measured below the engine, at the driver's connections
			assertThat(counting.peak.get()).isBetween(2, 4);
			assertThat(run.peakConnections()).isBetween(2, 4);
		}
		finally {
			drop(db, schemas);
		}
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL })
	void schemasCanComeFromAQuery(TestDatabase db) throws Exception {
		List<String> schemas = schemas(db, 2);
		try {
			db.execute("CREATE TABLE tenants (name VARCHAR(63))",
					"INSERT INTO tenants VALUES ('" + schemas.get(0) + "'), ('" + schemas.get(1) + "')");
			MigrationConfig config = config(db);
			TenantMigrator migrator = new TenantMigrator(config,
					MigrationTargets.query("SELECT name FROM tenants ORDER BY name"), 2);
			assertThat(migrator.schemas()).containsExactlyElementsOf(schemas);
			assertThat(migrator.upgrade("heads").summary()).isEqualTo("2 schemas: 2 migrated, 0 failed");
		}
		finally {
			drop(db, schemas);
		}
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL })
	void parallelismBelowTwoIsRejected(TestDatabase db) throws Exception {
		MigrationConfig config = config(db);
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> new TenantMigrator(config, MigrationTargets.of(List.of("a")), 1))
			.withMessage("Invalid configuration: 'migration.parallelism' must be at least 2, since each schema "
					+ "being migrated may use two connections: its work connection and a lease lock's own (was 1)");
	}

	/** Counts the driver connections open at once. */
	static final class CountingDataSource implements DataSource {

		final AtomicInteger open = new AtomicInteger();

		final AtomicInteger peak = new AtomicInteger();

		private final DataSource target;

		CountingDataSource(DataSource target) {
			this.target = target;
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = this.target.getConnection();
			this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close") && !connection.isClosed()) {
							this.open.decrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return false;
		}

	}

}
