package dev.migration.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
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
import dev.migration.command.HistoryStore.Row;
import dev.migration.command.HistoryStore.Summary;
import dev.migration.sql.Dialect;

/**
 * The reads of the history table, for {@link HistoryStore}: the queries, and the mapping
 * of rows of either format to {@link Row}s. Tables of format 1 (before
 * {@link TableFormat#CURRENT}) stay readable until a run upgrades them: read-only
 * commands never change the tables.
 */
final class HistoryReader {

	/** Every column, so that rows of format 1 (no {@code parents} column) read too. */
	private static final String COLUMNS = "*";

	private final Tables tables;

	HistoryReader(Tables tables) {
		this.tables = tables;
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
	 * The query {@link #glance(ResultSet)} reads: every row in id order, narrowed to the
	 * columns that tell "nothing to do" (no times, messages or locations) and without the
	 * grouping of {@link #summaryQuery()}, which a new session pays to plan: an
	 * application start runs it on every start. Measured on PostgreSQL with 300 rows, on
	 * a new connection: about 0.5 ms over {@code SELECT 1}, against about 3 ms for the
	 * grouped query of whole rows.
	 */
	String glanceQuery() {
		return "SELECT id, revision, direction, checksum, success, statements_done, " + Tables.PARENTS_COLUMN + " FROM "
				+ this.tables.history() + " ORDER BY id";
	}

	/**
	 * The summary from the rows of {@link #glanceQuery()}: its rows carry the columns the
	 * query names and no others, so a caller that needs more of the newest row (an
	 * incomplete step to report) reads {@link #summary(Connection)}.
	 * @param rs the result of the query
	 * @return the summary
	 * @throws SQLException from the database
	 */
	Summary glance(ResultSet rs) throws SQLException {
		List<Row> rows = new ArrayList<>();
		while (rs.next()) {
			boolean success = rs.getBoolean(5);
			Boolean outcome = rs.wasNull() ? null : success;
			int done = rs.getInt(6);
			Integer statementsDone = rs.wasNull() ? null : done;
			rows.add(new Row(rs.getLong(1), rs.getString(2), Direction.valueOf(rs.getString(3)), null, rs.getString(4),
					null, null, null, null, outcome, statementsDone, null, null, parents(rs.getString(7))));
		}
		return summarize(rows);
	}

	/**
	 * {@link #glance(ResultSet)} on a connection of its own.
	 * @param connection the connection
	 * @return the summary
	 * @throws SQLException from the database, a missing table or column included
	 */
	Summary glance(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(glanceQuery())) {
			return glance(rs);
		}
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

	private static @Nullable Instant instant(@Nullable Object value) {
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

}
