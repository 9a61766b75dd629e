package dev.migration.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * end, so a failure or a killed process leaves a row saying exactly how far it got.
 */
final class HistoryStore {

	private static final int MAX_ERROR_LENGTH = 4000;

	/**
	 * Every column, so that tables of format 1 (before {@link TableFormat#CURRENT}) stay
	 * readable until a run upgrades them: read-only commands never change the tables.
	 */
	private static final String COLUMNS = "*";

	private final Tables tables;

	private final boolean withParents;

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
		Batch.Expression finished = new Batch.Expression(batch.literal(row.startedAt()) + " + " + elapsed);
		Batch.Expression duration = new Batch.Expression("CAST(EXTRACT(EPOCH FROM " + elapsed + ") * 1000 AS BIGINT)");
		batch.addUpdate(insert(), values(row, finished, duration), null, Batch.OnFailure.AS_IS);
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
		batch.addUpdate(finishUpdate(),
				new @Nullable Object[] { finishedAt, durationMs, success, done, truncate(error), id }, null,
				Batch.OnFailure.AS_IS);
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
	 * The newest rows.
	 * @param connection the connection
	 * @param limit at most this many
	 * @return the rows, newest first; none when the table does not exist
	 * @throws SQLException from the database
	 */
	List<HistoryEntry> log(Connection connection, int limit) throws SQLException {
		List<HistoryEntry> entries = new ArrayList<>();
		for (Row row : query(connection, "SELECT " + COLUMNS + " FROM " + this.tables.history() + " ORDER BY id DESC",
				limit)) {
			entries.add(row.toEntry());
		}
		return entries;
	}

	/**
	 * The newest row of all and, per revision, its newest successful upgrade or stamp
	 * (with the checksum of a later {@code repair}), in one query: what a run,
	 * {@code status} and {@code validate} read to judge the database's state.
	 * @param connection the connection, in auto-commit
	 * @return the summary; empty when the table does not exist
	 * @throws SQLException from the database
	 */
	Summary summary(Connection connection) throws SQLException {
		return summarize(query(connection, summaryQuery(), 0));
	}

	/** The query {@link #summary(Connection)} runs. */
	String summaryQuery() {
		String table = this.tables.history();
		return "SELECT " + COLUMNS + " FROM " + table + " WHERE id IN (SELECT MAX(id) FROM " + table
				+ " WHERE success = TRUE AND direction IN ('UPGRADE', 'STAMP') GROUP BY revision) OR id IN "
				+ "(SELECT MAX(id) FROM " + table + " WHERE direction = 'REPAIR' AND checksum IS NOT NULL "
				+ "GROUP BY revision) OR id = (SELECT MAX(id) FROM " + table + ") ORDER BY id";
	}

	/**
	 * The summary from the rows of {@link #summaryQuery()}.
	 * @param rs the result of the query
	 * @return the summary
	 * @throws SQLException from the database
	 */
	Summary summary(ResultSet rs) throws SQLException {
		return summarize(rows(rs));
	}

	private static Summary summarize(List<Row> rows) {
		Map<String, Row> applied = new LinkedHashMap<>();
		Row last = null;
		for (Row row : rows) {
			last = row;
			if (Boolean.TRUE.equals(row.success())
					&& (row.direction() == Direction.UPGRADE || row.direction() == Direction.STAMP)) {
				applied.put(row.revision(), row);
			}
			else if (row.direction() == Direction.REPAIR && row.checksum() != null
					&& applied.containsKey(row.revision())) {
				// in id order, so a repair counts only for the application it followed
				applied.put(row.revision(), applied.get(row.revision()).withChecksum(row.checksum()));
			}
		}
		return new Summary(last, applied);
	}

	/**
	 * What {@link #summary(Connection)} read.
	 *
	 * @param last the newest row, {@code null} when none
	 * @param applied per revision, its newest successful upgrade or stamp
	 */
	record Summary(@Nullable Row last, Map<String, Row> applied) {

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

	private List<Row> query(Connection connection, String sql, int limit) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			if (limit > 0) {
				statement.setMaxRows(limit);
			}
			try (ResultSet rs = statement.executeQuery(sql)) {
				return rows(rs);
			}
		}
		catch (SQLException ex) {
			if (connection.getAutoCommit() && !this.tables.historyTableExists(connection)) {
				return List.of();
			}
			throw ex;
		}
	}

	private List<Row> rows(ResultSet rs) throws SQLException {
		boolean current = hasColumn(rs, Tables.PARENTS_COLUMN);
		List<Row> rows = new ArrayList<>();
		while (rs.next()) {
			rows.add(read(rs, current));
		}
		return rows;
	}

	private static boolean hasColumn(ResultSet rs, String column) throws SQLException {
		ResultSetMetaData metaData = rs.getMetaData();
		for (int i = 1; i <= metaData.getColumnCount(); i++) {
			if (metaData.getColumnName(i).equalsIgnoreCase(column)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * One row; {@code current} when the table is of the current format (it has the
	 * parents column), whose times are UTC, else of format 1, whose times are wall time
	 * of the JVM that wrote them, read as this JVM's as before.
	 */
	private Row read(ResultSet rs, boolean current) throws SQLException {
		long duration = rs.getLong("duration_ms");
		Long durationMs = rs.wasNull() ? null : duration;
		boolean success = rs.getBoolean("success");
		Boolean outcome = rs.wasNull() ? null : success;
		int done = rs.getInt("statements_done");
		Integer statementsDone = rs.wasNull() ? null : done;
		int total = rs.getInt("statements_total");
		Integer statementsTotal = rs.wasNull() ? null : total;
		return new Row(rs.getLong("id"), rs.getString("revision"), Direction.valueOf(rs.getString("direction")),
				rs.getString("location"), rs.getString("checksum"), time(rs, "started_at", current),
				time(rs, "finished_at", current), durationMs, rs.getString("db_user"), outcome, statementsDone,
				statementsTotal, rs.getString("error_message"), current ? parents(rs.getString("parents")) : null);
	}

	private static @Nullable List<String> parents(@Nullable String text) {
		if (text == null) {
			return null;
		}
		return text.isBlank() ? List.of() : List.of(text.strip().split(" +"));
	}

	private @Nullable Instant time(ResultSet rs, String column, boolean current) throws SQLException {
		if (current && this.tables.dialect() == Dialect.MYSQL) {
			// UTC wall time by contract; the driver must not apply any zone
			LocalDateTime utc = rs.getObject(column, LocalDateTime.class);
			return (utc != null) ? utc.toInstant(ZoneOffset.UTC) : null;
		}
		return instant(rs.getObject(column));
	}

	static @Nullable Instant instant(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof OffsetDateTime offset) {
			return offset.toInstant();
		}
		if (value instanceof LocalDateTime local) {
			return local.atZone(ZoneId.systemDefault()).toInstant();
		}
		if (value instanceof Number number) {
			return Instant.ofEpochMilli(number.longValue());
		}
		String text = value.toString().trim();
		if (text.matches("\\d+")) {
			return Instant.ofEpochMilli(Long.parseLong(text));
		}
		return Timestamp.valueOf(text.replace('T', ' ')).toInstant();
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
