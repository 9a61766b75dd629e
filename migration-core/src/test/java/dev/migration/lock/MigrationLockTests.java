package dev.migration.lock;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.migration.LockTimeoutException;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The server locks against a session that holds them by hand: the timeout names that
 * session, and the lock is free as soon as the session ends (a killed process's session
 * ends with it).
 */
class MigrationLockTests {

	@Test
	void postgresqlTimeoutNamesTheHoldingSessionAndTheLockDiesWithIt() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			String scope = db.name() + ".migration_version";
			int pid;
			try (Connection other = db.connect()) {
				other.setClientInfo("ApplicationName", "someone-else");
				try (PreparedStatement lock = other
					.prepareStatement("SELECT pg_try_advisory_lock(?), pg_backend_pid()")) {
					lock.setLong(1, Polling.key(scope));
					try (ResultSet rs = lock.executeQuery()) {
						rs.next();
						assertThat(rs.getBoolean(1)).isTrue();
						pid = rs.getInt(2);
					}
				}
				LockTimeoutException ex;
				try (Connection session = db.connect()) {
					ex = catchThrowableOfType(LockTimeoutException.class, () -> MigrationLock.acquire(session,
							Dialect.POSTGRESQL, db.url(), scope, Duration.ofMillis(300)));
				}
				assertThat(ex.getHolder())
					.startsWith("PostgreSQL session pid " + pid + " (application_name 'someone-else', user ")
					.endsWith("; to end it: SELECT pg_terminate_backend(" + pid + "))");
				assertThat(ex.getMessage()).startsWith("Timed out after 300ms waiting for the migration lock "
						+ "(PostgreSQL advisory lock " + Polling.key(scope) + " for " + scope + "); it is held by ");
			}
			try (Connection session = db.connect();
					MigrationLock lock = MigrationLock.acquire(session, Dialect.POSTGRESQL, db.url(), scope,
							Duration.ZERO)) {
				assertThat(lock.description())
					.isEqualTo("PostgreSQL advisory lock " + Polling.key(scope) + " for " + scope);
			}
		}
	}

	@Test
	void mariadbTimeoutNamesTheHoldingConnectionAndTheLockDiesWithIt() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
			String scope = db.name() + ".migration_version";
			long id;
			try (Connection other = db.connect(); Statement statement = other.createStatement()) {
				try (ResultSet rs = statement
					.executeQuery("SELECT GET_LOCK('" + MysqlNamedLock.lockName(scope) + "', 0), CONNECTION_ID()")) {
					rs.next();
					assertThat(rs.getInt(1)).isEqualTo(1);
					id = rs.getLong(2);
				}
				LockTimeoutException ex;
				try (Connection session = db.connect()) {
					ex = catchThrowableOfType(LockTimeoutException.class, () -> MigrationLock.acquire(session,
							Dialect.MYSQL, db.url(), scope, Duration.ofMillis(300)));
				}
				assertThat(ex.getHolder()).startsWith("MariaDB/MySQL connection " + id + " (user ")
					.contains(", database " + db.name() + ", in its current state for ")
					.endsWith("s; to end it: KILL " + id + ")");
			}
			try (Connection session = db.connect();
					MigrationLock lock = MigrationLock.acquire(session, Dialect.MYSQL, db.url(), scope,
							Duration.ZERO)) {
				assertThat(lock.description())
					.isEqualTo("MariaDB/MySQL named lock 'migration:" + db.name() + ".migration_version'");
			}
		}
	}

	@Test
	void fileDatabasesLockBesideTheFileAndMemoryDatabasesInProcess() {
		assertThat(FileDatabaseLock.lockFile(Dialect.SQLITE, "jdbc:sqlite:/data/app.db?journal_mode=WAL"))
			.hasToString("/data/app.db.migration.lock");
		assertThat(FileDatabaseLock.lockFile(Dialect.SQLITE, "jdbc:sqlite::memory:")).isNull();
		assertThat(FileDatabaseLock.lockFile(Dialect.H2, "jdbc:h2:file:/data/app;MODE=PostgreSQL"))
			.hasToString("/data/app.migration.lock");
		assertThat(FileDatabaseLock.lockFile(Dialect.H2, "jdbc:h2:mem:test")).isNull();
		assertThat(FileDatabaseLock.lockFile(Dialect.H2, "jdbc:h2:tcp://localhost/~/test")).isNull();
	}

	/**
	 * A lock that cannot be given back ends its connection's physical session, so that
	 * the database drops the lock: closing would only return the connection to its pool,
	 * still holding the lock. The connection here is a pool's (a proxy whose
	 * {@code close()} keeps the physical connection open) around the real one, and it
	 * makes the unlock fail.
	 */
	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void aLockThatCannotBeGivenBackEndsItsSession(DatabaseKind kind, TestDatabase db) throws Exception {
		String scope = db.name() + ".migration_version";
		try (Connection physical = db.connect()) {
			Connection pooled = (Connection) Proxy.newProxyInstance(MigrationLockTests.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close")) {
							return null;
						}
						if (method.getName().equals("prepareStatement")
								&& ((String) args[0]).matches("(?i).*(pg_advisory_unlock|RELEASE_LOCK).*")) {
							throw new SQLException("unlock refused by the test");
						}
						try {
							return method.invoke(physical, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
			MigrationLock lock = MigrationLock.acquire(pooled, kind.dialect(), db.url(), scope, Duration.ZERO);
			lock.close();
			assertThat(physical.isClosed()).isTrue();
			try (Connection other = db.connect();
					MigrationLock again = MigrationLock.acquire(other, kind.dialect(), db.url(), scope,
							Duration.ofSeconds(5))) {
				assertThat(again.description()).isEqualTo(lock.description());
			}
		}
	}

}
