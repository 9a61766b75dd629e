package dev.migration.lock;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.ScaleOut;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code migration.lock=auto} sees: session locks are kept only on a connection
 * proven to be a direct session, and the answer does not depend on what other clients do
 * at the same moment.
 */
class SessionSafetyTests {

	private static final String THROUGH_POOLER = "the connection logged in with process id \\d+ but its statements "
			+ "run in PostgreSQL server process \\d+ \\(a connection pooler such as PgBouncer is in between\\)";

	@Test
	void transactionPoolingPgBouncerMakesSessionLocksUnsafe() throws Exception {
		try (TestDatabase db = ScaleOut.pgbouncer(); Connection connection = db.connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, Dialect.POSTGRESQL)).matches(THROUGH_POOLER);
		}
	}

	/**
	 * The former probe compared server processes between transactions and missed when
	 * several instances started at once (1 CI run in 3 chose the session lock). 16
	 * connections probing at the same instant, 5 rounds, through PgBouncer: every answer
	 * is "unsafe"; directly: every answer is "safe".
	 */
	@Test
	void answerIsTheSameForEveryConnectionProbingAtOnce() throws Exception {
		try (TestDatabase pooled = ScaleOut.pgbouncer();
				TestDatabase direct = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			for (int round = 0; round < 5; round++) {
				assertThat(probeAtOnce(pooled, 16)).hasSize(16).allMatch((reason) -> reason.matches(THROUGH_POOLER));
				assertThat(probeAtOnce(direct, 16)).hasSize(16).allMatch((reason) -> reason.equals("safe"));
			}
		}
	}

	@Test
	void connectionWrappedByAPoolIsUnwrappedToTheDriver() throws Exception {
		try (TestDatabase pooled = ScaleOut.pgbouncer(); Connection connection = pooled.connect()) {
			assertThat(SessionSafety.unsafeBecause(wrapped(connection, true), Dialect.POSTGRESQL))
				.matches(THROUGH_POOLER);
		}
		try (TestDatabase direct = TestDatabase.create(DatabaseKind.POSTGRESQL);
				Connection connection = direct.connect()) {
			assertThat(SessionSafety.unsafeBecause(wrapped(connection, true), Dialect.POSTGRESQL)).isNull();
		}
	}

	@Test
	void connectionThatCannotTellItsLoginProcessGetsTheTableLock() throws Exception {
		try (TestDatabase direct = TestDatabase.create(DatabaseKind.POSTGRESQL);
				Connection connection = direct.connect()) {
			assertThat(SessionSafety.unsafeBecause(wrapped(connection, false), Dialect.POSTGRESQL))
				.isEqualTo("the connection does not come from the PostgreSQL JDBC driver (pgjdbc), so it cannot be "
						+ "proven to be a direct session");
		}
	}

	@Test
	void directPostgresqlConnectionKeepsSessionLocks() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection connection = db.connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, Dialect.POSTGRESQL)).isNull();
		}
	}

	@Test
	void galeraNodeMakesSessionLocksUnsafe() throws Exception {
		try (ScaleOut.Galera galera = ScaleOut.galera(); Connection connection = galera.nodes().get(1).connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, Dialect.MYSQL))
				.isEqualTo("the server is a Galera cluster node (wsrep_on = ON)");
		}
	}

	@Test
	void plainMariadbKeepsSessionLocks() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB); Connection connection = db.connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, Dialect.MYSQL)).isNull();
		}
	}

	private static List<String> probeAtOnce(TestDatabase db, int connections) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(connections);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<String>> probes = new ArrayList<>();
			for (int i = 0; i < connections; i++) {
				probes.add(executor.submit(() -> {
					try (Connection connection = db.connect()) {
						start.await();
						@Nullable String reason = SessionSafety.unsafeBecause(connection, Dialect.POSTGRESQL);
						return (reason != null) ? reason : "safe";
					}
				}));
			}
			start.countDown();
			List<String> reasons = new ArrayList<>();
			for (Future<String> probe : probes) {
				reasons.add(probe.get(60, TimeUnit.SECONDS));
			}
			return reasons;
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * The connection as a pool hands it out (a proxy of {@link Connection} only, as
	 * HikariCP's), either unwrapping to the driver's connection or hiding it (as a driver
	 * other than pgjdbc would).
	 */
	private static Connection wrapped(Connection connection, boolean unwraps) {
		return (Connection) Proxy.newProxyInstance(SessionSafetyTests.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("isWrapperFor")) {
						return unwraps && connection.isWrapperFor((Class<?>) args[0]);
					}
					if (method.getName().equals("unwrap") && !unwraps) {
						throw new java.sql.SQLException("not a wrapper for " + args[0]);
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
