package dev.migration.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.MigrationException;
import dev.migration.MigrationResult;
import dev.migration.RevisionInfo;
import dev.migration.lock.MigrationLock;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run takes its lock on its own work connection: no second connection, and the
 * connection goes back to its pool without the lock, whatever the run's outcome.
 */
class SessionLockTests {

	@TempDir
	Path dir;

	@EachDatabase
	void aRunWithWorkOpensOneConnection(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).linear();
		AtomicInteger opened = new AtomicInteger();
		Migrator migrator = new Migrator(scripts.config(db).dataSource(counting(db.dataSource(), opened)).build());
		assertThat(migrator.upgrade("heads").steps()).hasSize(3);
		assertThat(opened).as("connections opened by the run").hasValue(1);
	}

	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void aFailedRunGivesTheLockBackOnAReusedConnection(DatabaseKind kind, TestDatabase db) throws Exception {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null)
			.add("a2", "a1", "INSERT INTO no_such_table VALUES (1);", null);
		try (Connection connection = db.connect()) {
			connection.setClientInfo("ApplicationName", "the-application");
			DataSource pool = reusing(connection, db.dataSource());
			assertThatExceptionOfType(MigrationException.class)
				.isThrownBy(() -> new Migrator(scripts.config(db).dataSource(pool).build()).upgrade("heads"))
				.withMessageContaining("no_such_table");
			assertGivenBack(kind, db, connection);
			scripts.add("a2", "a1", "INSERT INTO t1 VALUES (1);", null);
			assertThat(new Migrator(scripts.config(db).dataSource(pool).build()).upgrade("heads").steps())
				.extracting(MigrationResult.Step::revision)
				.containsExactly("a2");
			assertGivenBack(kind, db, connection);
		}
	}

	/**
	 * An error (not an exception) out of a Java migration skips the step's rollback: the
	 * lock's release still finds the session in its failed transaction, which refuses
	 * every statement on PostgreSQL, ends it and gives the lock back. (On MariaDB the
	 * revision runs statement by statement and the next run stops at its progress
	 * marker.)
	 */
	@EachDatabase(DatabaseKind.POSTGRESQL)
	void aRunEndedByAnErrorInItsTransactionGivesTheLockBack(DatabaseKind kind, TestDatabase db) throws Exception {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		try (Connection connection = db.connect()) {
			connection.setClientInfo("ApplicationName", "the-application");
			DataSource pool = reusing(connection, db.dataSource());
			Migrator broken = new Migrator(
					scripts.config(db).dataSource(pool).migrations(List.of(new Broken())).build());
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> broken.upgrade("heads"))
				.withMessage("a bug in the migration");
			assertGivenBack(kind, db, connection);
			assertThat(new Migrator(scripts.config(db).dataSource(pool).build()).upgrade("heads").steps()).isEmpty();
			scripts.add("a2", "a1", "INSERT INTO t1 VALUES (1);", null);
			assertThat(new Migrator(scripts.config(db).dataSource(pool).build()).upgrade("heads").steps())
				.extracting(MigrationResult.Step::revision)
				.containsExactly("a2");
			assertGivenBack(kind, db, connection);
		}
	}

	/**
	 * Fails a statement in its transaction (PostgreSQL then refuses every other one),
	 * then throws an error.
	 */
	@RevisionInfo(id = "broken", revises = "a1")
	static final class Broken implements Migration {

		@Override
		public void upgrade(MigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("INSERT INTO no_such_table VALUES (1)");
			}
			catch (SQLException ex) {
				// the transaction stays open, aborted on PostgreSQL
			}
			throw new AssertionError("a bug in the migration");
		}

	}

	/**
	 * The connection is open, in auto-commit, holds no lock (another session can take it
	 * at once) and, on PostgreSQL, has its own application name again.
	 */
	private static void assertGivenBack(DatabaseKind kind, TestDatabase db, Connection connection) throws SQLException {
		assertThat(connection.isClosed()).isFalse();
		assertThat(connection.getAutoCommit()).isTrue();
		if (kind == DatabaseKind.POSTGRESQL) {
			String pid = answer(connection, "SELECT pg_backend_pid()");
			assertThat(db.query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = " + pid))
				.containsExactly(List.of("0"));
			assertThat(answer(connection, "SELECT current_setting('application_name')")).isEqualTo("the-application");
		}
		try (Connection other = db.connect();
				MigrationLock lock = MigrationLock.acquire(other, kind.dialect(), db.url(),
						db.name() + ".migration_version", Duration.ZERO)) {
			assertThat(lock.description()).isNotEmpty();
		}
	}

	private static String answer(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** Counts the connections asked of a data source. */
	private static DataSource counting(DataSource target, AtomicInteger opened) {
		return proxy(DataSource.class, (method, args) -> {
			if (method.getName().equals("getConnection")) {
				opened.incrementAndGet();
			}
			return invoke(target, method, args);
		});
	}

	/**
	 * A pool of one: hands out the same physical connection every time, and
	 * {@code close()} gives it back instead of ending it.
	 */
	private static DataSource reusing(Connection connection, DataSource target) {
		Connection handed = proxy(Connection.class,
				(method, args) -> method.getName().equals("close") ? null : invoke(connection, method, args));
		return proxy(DataSource.class,
				(method, args) -> method.getName().equals("getConnection") ? handed : invoke(target, method, args));
	}

	private interface Handler {

		Object handle(Method method, Object[] args) throws Throwable;

	}

	private static <T> T proxy(Class<T> type, Handler handler) {
		return type.cast(Proxy.newProxyInstance(SessionLockTests.class.getClassLoader(), new Class<?>[] { type },
				(self, method, args) -> handler.handle(method, args)));
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
