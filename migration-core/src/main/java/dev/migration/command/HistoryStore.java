package dev.migration.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry;
import dev.migration.HistoryEntry.Direction;
import dev.migration.sql.Dialect;

/**
 * The append-only history table. A step that runs in one transaction writes one complete
 * row in that transaction. A step that cannot (MySQL DDL, {@code transactional: false})
 * writes a row first, commits progress after every statement and completes the row at the
 * end, so a failure or a killed process leaves a row saying exactly how far it got. The
 * writes are here; the reads, of either table format, are {@link HistoryReader}'s.
 */
final class HistoryStore {

	private static final int MAX_ERROR_LENGTH = 4000;

	private final Tables tables;

	private final boolean withParents;

	private final HistoryReader reader;

	HistoryStore(Tables tables) {
		this(tables, true);
	}

	/**
	 * @param tables the tables
	 * @param withParents whether rows record their parents; {@code false} writes rows of
	 * format 1 (offline SQL for a history table without the {@code parents} column)
	 */
	HistoryStore(Tables tables, boolean withParents) {
		this.tables = tables;
		this.withParents = withParents;
		this.reader = new HistoryReader(tables);
	}

	/**
	 * Write one complete row.
	 * @param sink where the write goes
	 * @param row the row (its id is ignored)
	 * @throws SQLException from the database
	 */
	void record(SqlSink sink, Row row) throws SQLException {
		if (!this.withParents) {
			sink.update("INSERT INTO " + this.tables.history() + " (revision, direction, location, checksum, "
					+ "started_at, finished_at, duration_ms, db_user, success, statements_done, statements_total, "
					+ "error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.revision(),
					row.direction().name(), row.location(), row.checksum(), row.startedAt(), row.finishedAt(),
					row.durationMs(), row.user(), row.success(), row.statementsDone(), row.statementsTotal(),
					truncate(row.error()));
			return;
		}
		sink.update(insert(), values(row, row.finishedAt(), row.durationMs()));
	}

	/**
	 * Queue one complete row of a step whose statements are queued in the same batch: its
	 * end and duration are then the server's, taken when the row is written, after them
	 * ({@code clock_timestamp()} less the transaction's start, PostgreSQL).
	 * @param batch the step's batch, in a transaction that began with the step
	 * @param row the row (its id, end and duration are ignored)
	 */
	void queue(Batch batch, Row row) {
		String elapsed = "(clock_timestamp() - transaction_timestamp())";
		Batch.Expression finished = new Batch.Expression("? + " + elapsed, row.startedAt());
		Batch.Expression duration = new Batch.Expression("CAST(EXTRACT(EPOCH FROM " + elapsed + ") * 1000 AS BIGINT)");
		batch.addRecord(insert(), values(row, finished, duration));
	}

	private String insert() {
		return "INSERT INTO " + this.tables.history() + " (revision, direction, location, checksum, started_at, "
				+ "finished_at, duration_ms, db_user, success, statements_done, statements_total, error_message, "
				+ Tables.PARENTS_COLUMN + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	}

	private static @Nullable Object[] values(Row row, @Nullable Object finished, @Nullable Object duration) {
		return new @Nullable Object[] { row.revision(), row.direction().name(), row.location(), row.checksum(),
				row.startedAt(), finished, duration, row.user(), row.success(), row.statementsDone(),
				row.statementsTotal(), truncate(row.error()),
				(row.parents() != null) ? String.join(" ", row.parents()) : null };
	}

	/**
	 * Write the row of a step that runs statement by statement, before its first
	 * statement. Online only; runs in auto-commit so the row survives whatever follows.
	 * @param sink the online sink
	 * @param row the row, with {@code success} null
	 * @return the row's id
	 * @throws SQLException from the database
	 */
	long start(SqlSink sink, Row row) throws SQLException {
		if (this.withParents && sink.dialect() == Dialect.POSTGRESQL) {
			// the row and its id in one round trip
			try (PreparedStatement statement = sink.connection().prepareStatement(insert() + " RETURNING id")) {
				JdbcSink.bind(statement, sink.dialect(), values(row, row.finishedAt(), row.durationMs()));
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
		}
		if (this.withParents && sink.dialect() == Dialect.MYSQL) {
			// MariaDB Connector/J reads the id from the insert's reply: no second round
			// trip
			try (PreparedStatement statement = sink.connection()
				.prepareStatement(insert(), Statement.RETURN_GENERATED_KEYS)) {
				JdbcSink.bind(statement, sink.dialect(), values(row, row.finishedAt(), row.durationMs()));
				statement.executeUpdate();
				try (ResultSet keys = statement.getGeneratedKeys()) {
					if (keys.next()) {
						return keys.getLong(1);
					}
				}
			}
			throw new IllegalStateException("The driver returned no id for the history row of " + row.revision());
		}
		record(sink, row);
		// the lock is held, so the newest row is ours; avoids driver differences in
		// generated keys
		try (PreparedStatement statement = sink.connection()
			.prepareStatement("SELECT MAX(id) FROM " + this.tables.history() + " WHERE revision = ?")) {
			statement.setString(1, row.revision());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/**
	 * Record that {@code done} statements of a started step have run.
	 * @param sink the online sink
	 * @param id the row
	 * @param done statements completed
	 * @throws SQLException from the database
	 */
	void progress(SqlSink sink, long id, int done) throws SQLException {
		sink.update(progressUpdate(), done, id);
	}

	/**
	 * The statements a started row says completed, as the session's transaction sees it.
	 * @param sink the online sink
	 * @param id the row
	 * @return the count, {@code null} when the row is not there
	 * @throws SQLException from the database
	 */
	@Nullable Integer done(SqlSink sink, long id) throws SQLException {
		try (PreparedStatement statement = sink.connection()
			.prepareStatement("SELECT statements_done FROM " + this.tables.history() + " WHERE id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getInt(1) : null;
			}
		}
	}

	/**
	 * Queue {@link #progress} in a batch.
	 * @param batch the batch
	 * @param id the row
	 * @param done statements completed
	 */
	void queueProgress(Batch batch, long id, int done) {
		batch.addUpdate(progressUpdate(), new Object[] { done, id }, null, Batch.OnFailure.AS_IS);
	}

	private String progressUpdate() {
		return "UPDATE " + this.tables.history() + " SET statements_done = ? WHERE id = ?";
	}

	/**
	 * Queue {@link #finish} in a batch.
	 */
	void queueFinish(Batch batch, long id, Instant finishedAt, long durationMs, boolean success, int done,
			@Nullable String error) {
		batch.addRecord(finishUpdate(),
				new @Nullable Object[] { finishedAt, durationMs, success, done, truncate(error), id });
	}

	private String finishUpdate() {
		return "UPDATE " + this.tables.history() + " SET finished_at = ?, duration_ms = ?, success = ?, "
				+ "statements_done = ?, error_message = ? WHERE id = ?";
	}

	/**
	 * Complete a started row.
	 * @param sink the sink
	 * @param id the row
	 * @param finishedAt when the step ended
	 * @param durationMs its duration
	 * @param success the outcome
	 * @param done statements completed
	 * @param error the failure, if any
	 * @throws SQLException from the database
	 */
	void finish(SqlSink sink, long id, Instant finishedAt, long durationMs, boolean success, int done,
			@Nullable String error) throws SQLException {
		sink.update(finishUpdate(), finishedAt, durationMs, success, done, truncate(error), id);
	}

	/**
	 * Close the row a killed process left open, saying how the next run resumed it.
	 * @param sink the online sink
	 * @param id the row
	 * @param closedAt now
	 * @param note what the next run decided
	 * @throws SQLException from the database
	 */
	void closeInterrupted(SqlSink sink, long id, Instant closedAt, String note) throws SQLException {
		sink.update("UPDATE " + this.tables.history() + " SET finished_at = ?, success = ?, error_message = ? "
				+ "WHERE id = ?", closedAt, false, truncate(note), id);
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text == null || text.length() <= MAX_ERROR_LENGTH) ? text : text.substring(0, MAX_ERROR_LENGTH);
	}

	/**
	 * The newest rows ({@link HistoryReader#log}).
	 * @param connection the connection
	 * @param limit at most this many
	 * @return the rows, newest first; none when the table does not exist
	 * @throws SQLException from the database
	 */
	List<HistoryEntry> log(Connection connection, int limit) throws SQLException {
		return this.reader.log(connection, limit);
	}

	/**
	 * What a run, {@code status} and {@code validate} read to judge the database's state
	 * ({@link HistoryReader#summary(Connection)}).
	 * @param connection the connection, in auto-commit
	 * @return the summary; empty when the table does not exist
	 * @throws SQLException from the database
	 */
	Summary summary(Connection connection) throws SQLException {
		return this.reader.summary(connection);
	}

	/**
	 * The query {@link #glance(ResultSet)} reads ({@link HistoryReader#glanceQuery()}).
	 */
	String glanceQuery() {
		return this.reader.glanceQuery();
	}

	/**
	 * What tells an up-to-date database from the rows of {@link #glanceQuery()}: the rows
	 * carry no times, messages or locations.
	 * @param rs the result of the query
	 * @return the summary
	 * @throws SQLException from the database
	 */
	Summary glance(ResultSet rs) throws SQLException {
		return this.reader.glance(rs);
	}

	/**
	 * {@link #glance(ResultSet)} of {@link #glanceQuery()} on the connection.
	 * @param connection the connection
	 * @return the summary
	 * @throws SQLException from the database, a missing table or column included
	 */
	Summary glance(Connection connection) throws SQLException {
		return this.reader.glance(connection);
	}

	/**
	 * What {@link #summary(Connection)} read.
	 *
	 * @param last the newest row, {@code null} when none
	 * @param applied per revision, its newest successful upgrade or stamp
	 */
	record Summary(@Nullable Row last, Map<String, Row> applied) {

		/** The summary of a history table with no rows. */
		static final Summary EMPTY = new Summary(null, Map.of());

		Summary {
			applied = Map.copyOf(applied);
		}

	}

	/**
	 * Record that a {@code stamp} resolved a half-applied revision even though the
	 * version table already said what the user stamped: the newest row is then complete,
	 * so runs stop refusing.
	 * @param sink where the write goes
	 * @param incomplete the newest row, the half-applied step
	 * @param user the database user
	 * @throws SQLException from the database
	 */
	void recordResolution(SqlSink sink, Row incomplete, @Nullable String user) throws SQLException {
		Instant now = Instant.now();
		record(sink, new Row(0, incomplete.revision(), Direction.STAMP, incomplete.location(), null, now, now, 0L, user,
				true, 0, 0, null, incomplete.parents()));
	}

	/**
	 * Record a repair: the new checksum of an applied revision, or (checksum
	 * {@code null}) that a half-applied step was resolved by hand, which completes the
	 * newest row so runs stop refusing.
	 * @param sink where the write goes
	 * @param revision the revision
	 * @param location its file or class
	 * @param checksum the checksum now recorded, {@code null} when clearing a partial run
	 * @param user the database user
	 * @throws SQLException from the database
	 */
	void recordRepair(SqlSink sink, String revision, @Nullable String location, @Nullable String checksum,
			@Nullable String user) throws SQLException {
		Instant now = Instant.now();
		record(sink,
				new Row(0, revision, Direction.REPAIR, location, checksum, now, now, 0L, user, true, 0, 0, null, null));
	}

	/**
	 * One row.
	 *
	 * @param id the id (0 before it is written)
	 * @param revision the revision
	 * @param direction what the step did
	 * @param location the file or class
	 * @param checksum the script checksum at the time
	 * @param startedAt start
	 * @param finishedAt end, {@code null} while running or after a kill
	 * @param durationMs duration
	 * @param user database user
	 * @param success outcome, {@code null} while running or after a kill
	 * @param statementsDone statements completed (statement-by-statement steps)
	 * @param statementsTotal statements in the step, when known
	 * @param error the failure
	 * @param parents the revision's parents when the step ran, {@code null} for rows
	 * written before the history recorded them (format 1)
	 */
	record Row(long id, String revision, Direction direction, @Nullable String location, @Nullable String checksum,
			@Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long durationMs, @Nullable String user,
			@Nullable Boolean success, @Nullable Integer statementsDone, @Nullable Integer statementsTotal,
			@Nullable String error, @Nullable List<String> parents) {

		Row {
			parents = (parents != null) ? List.copyOf(parents) : null;
		}

		/**
		 * Whether this row is a step that stopped part-way with some statements
		 * committed, or never finished: the next run must not guess.
		 * @return whether the step is incomplete
		 */
		boolean isIncomplete() {
			if (this.success == null) {
				return true;
			}
			return !this.success && this.statementsDone != null && this.statementsDone > 0;
		}

		Row withChecksum(@Nullable String newChecksum) {
			return new Row(this.id, this.revision, this.direction, this.location, newChecksum, this.startedAt,
					this.finishedAt, this.durationMs, this.user, this.success, this.statementsDone,
					this.statementsTotal, this.error, this.parents);
		}

		HistoryEntry toEntry() {
			Instant started = (this.startedAt != null) ? this.startedAt : Instant.EPOCH;
			return new HistoryEntry(this.id, this.revision, this.direction, this.checksum, started,
					Duration.ofMillis((this.durationMs != null) ? this.durationMs : 0), this.user,
					Boolean.TRUE.equals(this.success), this.error);
		}

	}

}
