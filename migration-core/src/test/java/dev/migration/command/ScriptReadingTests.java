package dev.migration.command;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.ScriptParseException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A run's scripts are read on a thread of their own while the caller's thread connects
 * ({@link ScriptReading}): the data source is only ever asked on the caller's thread, a
 * script's problem is reported as when the scripts were read first, and no connection is
 * left open.
 */
class ScriptReadingTests {

	@TempDir
	Path dir;

	@Test
	void scriptsAreReadOnTheirOwnThreadWhileTheCallerConnects() {
		List<String> scanning = Collections.synchronizedList(new ArrayList<>());
		ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				scanning.add(Thread.currentThread().getName());
				return super.getResources(name);
			}

		};
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			List<String> connecting = Collections.synchronizedList(new ArrayList<>());
			AtomicInteger open = new AtomicInteger();
			MigrationConfig config = MigrationConfig.builder()
				.dataSource(tracking(db.dataSource(), connecting, open))
				.classLoader(recording)
				.locations("classpath:dev/migration/script/fixture")
				.build();
			String caller = Thread.currentThread().getName();
			assertThat(new Migrator(config).upgrade("heads").steps()).isNotEmpty();
			assertThat(scanning).isNotEmpty().containsOnly("migration-scripts");
			assertThat(connecting).isNotEmpty().containsOnly(caller);
			assertThat(open).hasValue(0);
		}
	}

	@Test
	void scriptProblemComesFirstWhenTheDatabaseCannotBeReachedEither() {
		new Scripts(this.dir).add("a1", "missing", "CREATE TABLE t1 (id INT);", null);
		DataSource unreachable = proxy((method) -> {
			throw new SQLException("connection refused (test)", "08001");
		});
		Migrator migrator = new Migrator(
				MigrationConfig.builder().dataSource(unreachable).locations("filesystem:" + this.dir).build());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageContaining("a1")
			.withMessageNotContaining("connection refused");
	}

	@Test
	void scriptProblemClosesTheConnectionOpenedMeanwhile() {
		new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT);", null);
		new Scripts(this.dir).write("a2", "a1", "-- transactional: maybe\n", "CREATE TABLE t2 (id INT);", null);
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			AtomicInteger open = new AtomicInteger();
			Migrator migrator = new Migrator(MigrationConfig.builder()
				.dataSource(tracking(db.dataSource(), new ArrayList<>(), open))
				.locations("filesystem:" + this.dir)
				.build());
			assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageContaining("a2_revision.sql");
			assertThat(open).hasValue(0);
			assertThat(db.tables()).isEmpty();
		}
	}

	/** Records the thread of every connection asked for and counts those still open. */
	private static DataSource tracking(DataSource target, List<String> threads, AtomicInteger open) {
		return proxy((method) -> {
			threads.add(Thread.currentThread().getName());
			Connection connection = target.getConnection();
			open.incrementAndGet();
			return (Connection) Proxy.newProxyInstance(ScriptReadingTests.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, called, args) -> {
						if (called.getName().equals("close") && !connection.isClosed()) {
							open.decrementAndGet();
						}
						try {
							return called.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		});
	}

	private static DataSource proxy(ConnectionSource source) {
		return (DataSource) Proxy.newProxyInstance(ScriptReadingTests.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (method.getName().equals("getConnection")) {
						return source.connect(method.getName());
					}
					if (method.getName().equals("toString")) {
						return "test data source";
					}
					throw new UnsupportedOperationException(method.getName());
				});
	}

	@FunctionalInterface
	private interface ConnectionSource {

		Connection connect(String method) throws SQLException;

	}

}
