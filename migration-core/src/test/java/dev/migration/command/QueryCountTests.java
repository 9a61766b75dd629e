package dev.migration.command;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.RoundTrips;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run with nothing to do, and status, issue the same number of queries whether the
 * graph has 3 or 60 revisions. Counted with a JDBC proxy (instrumentation around the real
 * driver, not a mock): every statement execution and every metadata lookup.
 */
class QueryCountTests {

	@TempDir
	Path small;

	@TempDir
	Path large;

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void upToDateRunAndStatusIssueAConstantNumberOfQueries(DatabaseKind kind) {
		int[] few = counts(kind, this.small, 3);
		int[] many = counts(kind, this.large, 60);
		assertThat(many).containsExactly(few);
		// an up-to-date run reads the version table and one history summary without the
		// lock (was 12 with the lock connection, metadata lookups and the full re-read)
		assertThat(few[0]).isLessThanOrEqualTo(2);
		if (kind == DatabaseKind.POSTGRESQL) {
			// both queries in one statement: one round trip
			assertThat(few[0]).isEqualTo(1);
		}
		assertThat(few[1]).isLessThanOrEqualTo(2);
	}

	private static int[] counts(DatabaseKind kind, Path dir, int revisions) {
		Scripts scripts = new Scripts(dir);
		for (int i = 1; i <= revisions; i++) {
			scripts.add("r" + i, (i == 1) ? "" : "r" + (i - 1), "CREATE TABLE t" + i + " (id INT PRIMARY KEY);",
					"DROP TABLE t" + i + ";");
		}
		try (TestDatabase db = TestDatabase.create(kind)) {
			AtomicInteger queries = new AtomicInteger();
			DataSource counting = counting(db.dataSource(), queries);
			Migrator migrator = new Migrator(scripts.config(db).dataSource(counting).build());
			migrator.upgrade("heads");
			queries.set(0);
			assertThat(migrator.upgrade("heads").steps()).isEmpty();
			int upgrade = queries.getAndSet(0);
			assertThat(migrator.status().isUpToDate()).isTrue();
			int status = queries.get();
			System.out.println(kind + " with " + revisions + " revisions: up-to-date upgrade " + upgrade
					+ " queries, status " + status);
			return new int[] { upgrade, status };
		}
	}

	static DataSource counting(DataSource target, AtomicInteger queries) {
		return (DataSource) Proxy.newProxyInstance(QueryCountTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, forward(target, (method, result) -> {
					if (result instanceof Connection connection) {
						return wrap(Connection.class, connection, queries);
					}
					return result;
				}));
	}

	private static Object wrap(Class<?> type, Object target, AtomicInteger queries) {
		return Proxy.newProxyInstance(QueryCountTests.class.getClassLoader(), new Class<?>[] { type },
				forward(target, (method, result) -> {
					String name = method.getName();
					if (target instanceof Statement && name.startsWith("execute")) {
						queries.incrementAndGet();
					}
					if (target instanceof DatabaseMetaData && result instanceof java.sql.ResultSet) {
						queries.incrementAndGet();
					}
					return RoundTrips.wrapStatements(result, (kind, each) -> wrap(kind, each, queries));
				}));
	}

	private interface After {

		Object apply(java.lang.reflect.Method method, Object result);

	}

	private static InvocationHandler forward(Object target, After after) {
		return (proxy, method, args) -> {
			try {
				Object result = method.invoke(target, args);
				return after.apply(method, result);
			}
			catch (InvocationTargetException ex) {
				if (target instanceof Statement && method.getName().startsWith("execute")) {
					// a failed execution is a query too
					after.apply(method, null);
				}
				throw ex.getCause();
			}
		};
	}

}
