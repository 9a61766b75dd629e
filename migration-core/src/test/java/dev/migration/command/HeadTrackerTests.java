package dev.migration.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.VersionTableException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HeadTrackerTests {

	private static final String REMEDY = " Another process or a manual edit changed the table; check 'current' and set "
			+ "the right heads with 'stamp'";

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void rootsAreInsertedLinesUpdatedAndMergesDeleted(DatabaseKind kind) throws Exception {
		withTracker(kind, (tables, sink, tracker, connection) -> {
			tracker.apply(sink, List.of(), List.of("a"));
			tracker.apply(sink, List.of(), List.of("b"));
			assertThat(tables.readHeads(connection)).containsExactly("a", "b");
			tracker.apply(sink, List.of("a"), List.of("a2"));
			assertThat(tables.readHeads(connection)).containsExactly("a2", "b");
			tracker.apply(sink, List.of("a2", "b"), List.of("m"));
			assertThat(tables.readHeads(connection)).containsExactly("m");
			tracker.apply(sink, List.of("m"), List.of());
			assertThat(tables.readHeads(connection)).isEmpty();
		});
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void writesThatDoNotTouchExactlyOneRowFail(DatabaseKind kind) throws Exception {
		withTracker(kind, (tables, sink, tracker, connection) -> {
			assertThatExceptionOfType(VersionTableException.class)
				.isThrownBy(() -> tracker.apply(sink, List.of("a"), List.of("b")))
				.withMessage("Version table migration_version is out of step: updating 'a' to 'b' matched 0 rows "
						+ "instead of exactly 1." + REMEDY);
			assertThatExceptionOfType(VersionTableException.class)
				.isThrownBy(() -> tracker.apply(sink, List.of("x", "y"), List.of()))
				.withMessage("Version table migration_version is out of step: deleting 'x' matched 0 rows instead of "
						+ "exactly 1." + REMEDY);
			tracker.apply(sink, List.of(), List.of("a"));
			VersionTableException duplicate = catchThrowableOfType(VersionTableException.class,
					() -> tracker.apply(sink, List.of(), List.of("a")));
			assertThat(duplicate.getMessage())
				.startsWith("Version table migration_version is out of step: inserting 'a' failed because the row "
						+ "already exists (")
				.endsWith(")." + REMEDY);
			List<String> rows = new ArrayList<>(tables.readHeads(connection));
			assertThat(rows).containsExactly("a");
		});
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "POSTGRESQL", "MARIADB" })
	void batchedWritesThatDoNotTouchExactlyOneRowFailAndNothingCommits(DatabaseKind kind) throws Exception {
		withTracker(kind, (tables, sink, tracker, connection) -> {
			for (List<String> removed : List.of(List.of("a"), List.of("x", "y"))) {
				sink.begin();
				Batch batch = sink.batch();
				tracker.queue(sink, batch, List.of(), List.of("c"));
				tracker.queue(sink, batch, removed, List.of("b"));
				// a history row after the write (PostgreSQL: in the same statement as the
				// one version-table update before it) does not hide the count's failure
				batch.addRecord("INSERT INTO migration_history (revision, direction, started_at) VALUES (?, ?, ?)",
						new Object[] { "b", "UPGRADE", Instant.now() });
				// PostgreSQL checks the count on the server, so that a COMMIT can follow
				assertThatExceptionOfType(VersionTableException.class).isThrownBy(() -> {
					if (batch.commits()) {
						batch.flushAndCommit();
					}
					else {
						batch.flush();
					}
				})
					.withMessage("Version table migration_version is out of step: "
							+ ((removed.size() == 1) ? "updating 'a' to 'b'" : "deleting 'x'")
							+ " matched 0 rows instead of exactly 1." + REMEDY);
				assertThat((Object) sink.rollback()).isNull();
				assertThat(tables.readHeads(connection)).isEmpty();
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("SELECT count(*) FROM migration_history")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getInt(1)).isZero();
				}
			}
			sink.begin();
			Batch batch = sink.batch();
			tracker.queue(sink, batch, List.of(), List.of("a"));
			if (batch.commits()) {
				batch.flushAndCommit();
				sink.committedByBatch();
			}
			else {
				batch.flush();
				sink.commit();
			}
			assertThat(sink.inTransaction()).isFalse();
			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(tables.readHeads(connection)).containsExactly("a");
		});
	}

	/** A version table of its own on a fresh database, and a tracker writing to it. */
	private static void withTracker(DatabaseKind kind, TrackerTest test) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind); Connection connection = db.connect()) {
			Tables tables = new Tables(kind.dialect(), null, "migration_version", "migration_history");
			JdbcSink sink = new JdbcSink(connection, kind.dialect());
			tables.ensure(sink);
			test.run(tables, sink, new HeadTracker(tables), connection);
		}
	}

	@FunctionalInterface
	private interface TrackerTest {

		void run(Tables tables, JdbcSink sink, HeadTracker tracker, Connection connection) throws Exception;

	}

}
