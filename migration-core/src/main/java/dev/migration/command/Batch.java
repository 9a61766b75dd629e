package dev.migration.command;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * Statements sent in one round trip: pgjdbc pipelines a {@link Statement#executeBatch()}
 * (all statements, then one sync), so a transactional revision's statements, its
 * version-table change and its history row cost one round trip before the commit. Each
 * entry carries what its failure and its update count mean, so that a batch names the
 * failing statement and checks row counts exactly as statement-by-statement execution
 * does. The engine's own writes go in with their values written as literals: a batch of
 * plain statements cannot carry the parameters of different statements. Used only inside
 * a transaction, where a failure rolls back everything the batch did: on PostgreSQL for a
 * transactional revision; on MariaDB/MySQL, which commit DDL statement by statement, only
 * for a data change and its progress row, and for the version-table change and the
 * history row at a revision's end. H2 and SQLite run in this process, where a batch saves
 * nothing.
 */
final class Batch {

	/**
	 * First words of statements that never return rows, which is what a batch can take:
	 * pgjdbc refuses a result set in a batch.
	 */
	private static final Set<String> NO_ROWS = Set.of("create", "alter", "drop", "comment", "grant", "revoke",
			"truncate", "insert", "update", "delete", "do", "set", "reset", "lock", "refresh", "analyze", "cluster",
			"reindex", "security");

	/** PostgreSQL's SQLSTATE for a NOT NULL violation. */
	private static final String NOT_NULL_VIOLATION = "23502";

	private final Connection connection;

	private final Dialect dialect;

	private final @Nullable PreparedWrites prepared;

	private final List<Entry> entries = new ArrayList<>();

	/**
	 * @param connection the connection the batch runs on
	 * @param dialect its dialect
	 * @param prepared where the engine's writes are prepared once per session
	 * (PostgreSQL), {@code null} to write their values in as literals every time
	 */
	Batch(Connection connection, Dialect dialect, @Nullable PreparedWrites prepared) {
		this.connection = connection;
		this.dialect = dialect;
		this.prepared = prepared;
	}

	/**
	 * Whether a statement of a script can go in a batch: one that cannot return rows
	 * ({@code SELECT}, {@code RETURNING}, {@code CALL}, {@code WITH} and anything not
	 * known are sent on their own), and not an SQL-standard function body
	 * ({@code BEGIN ATOMIC ... END}), whose inner semicolons the driver would split.
	 * @param sql the statement
	 * @return whether it can be batched
	 */
	static boolean canTake(String sql) {
		int start = skipComments(sql);
		int end = start;
		while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
			end++;
		}
		if (!NO_ROWS.contains(sql.substring(start, end).toLowerCase(Locale.ROOT))) {
			return false;
		}
		String lower = sql.toLowerCase(Locale.ROOT);
		return !lower.contains("returning") && !lower.contains("atomic");
	}

	private static int skipComments(String sql) {
		int i = 0;
		while (i < sql.length()) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (sql.startsWith("--", i)) {
				int newline = sql.indexOf('\n', i);
				i = (newline < 0) ? sql.length() : newline + 1;
			}
			else if (sql.startsWith("/*", i)) {
				int close = sql.indexOf("*/", i + 2);
				i = (close < 0) ? sql.length() : close + 2;
			}
			else {
				break;
			}
		}
		return i;
	}

	/**
	 * Queue a statement.
	 * @param sql the statement
	 * @param check what its update count must be, {@code null} for any
	 * @param onFailure what its failure is reported as
	 */
	void add(String sql, @Nullable CountCheck check, OnFailure onFailure) {
		this.entries.add(new Entry(sql, check, onFailure));
	}

	/**
	 * Queue one of the engine's parameterised writes, its values written in as literals.
	 * @param sql the statement with {@code ?} placeholders (none inside its literals)
	 * @param params the values; an {@link Expression} is written as it is
	 * @param check what its update count must be, {@code null} for any
	 * @param onFailure what its failure is reported as
	 */
	void addUpdate(String sql, @Nullable Object[] params, @Nullable CountCheck check, OnFailure onFailure) {
		this.entries.add(new Entry(null, check, onFailure, new Write(sql, params), null));
	}

	/**
	 * A literal: on PostgreSQL strings as escape strings ({@code E'...'}), whatever
	 * {@code standard_conforming_strings} says, and instants in UTC; on MariaDB/MySQL
	 * instants as UTC wall time (the history table's {@code DATETIME}).
	 */
	String literal(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Expression expression) {
			return ScriptSink.withLiterals(expression.sql(), expression.params(), this::literal);
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		if (value instanceof Instant instant) {
			return (this.dialect == Dialect.MYSQL)
					? "'" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ') + "'"
					: "CAST('" + instant.atOffset(ZoneOffset.UTC) + "' AS TIMESTAMP WITH TIME ZONE)";
		}
		String text = value.toString();
		if (text.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("A NUL character cannot be written as a literal: " + text);
		}
		String escaped = text.replace("\\", "\\\\").replace("'", "''");
		return (this.dialect == Dialect.MYSQL) ? "'" + escaped + "'" : "E'" + escaped + "'";
	}

	/**
	 * Whether this batch can end the transaction itself ({@link #flushAndCommit()}) and
	 * checks row counts on the server ({@link #addChecked}): PostgreSQL, where a
	 * transactional revision then costs one round trip.
	 * @return whether it can
	 */
	boolean commits() {
		return this.dialect == Dialect.POSTGRESQL;
	}

	/**
	 * Queue one of the engine's writes that must change exactly one row, checked where it
	 * runs: on PostgreSQL ({@link #commits()}) the write is a data-modifying {@code WITH}
	 * whose statement inserts a {@code NULL} into the NOT NULL column {@code column} of
	 * {@code table} when the write matched other than one row, so the batch fails at this
	 * entry and the transaction (and a {@code COMMIT} queued after it) never ends
	 * successfully; elsewhere the update count is checked after the batch.
	 * @param sql an {@code UPDATE} or {@code DELETE} with {@code ?} placeholders
	 * @param params the values
	 * @param table the table written, holding {@code column}
	 * @param column a NOT NULL column of it
	 * @param check the update-count check: throws the failure for a count
	 */
	void addChecked(String sql, @Nullable Object[] params, String table, String column, CountCheck check) {
		if (!commits()) {
			addUpdate(sql, params, check, OnFailure.AS_IS);
			return;
		}
		Checked checked = new Checked(new Write(sql, params), table, column, List.of());
		this.entries.add(new Entry(null, null, (cause) -> {
			if (NOT_NULL_VIOLATION.equals(cause.getSQLState()) && cause.getMessage() != null
					&& cause.getMessage().contains(column)) {
				try {
					// the write matched no row: the version table's primary key
					// rules out more than one
					check.check(0);
				}
				catch (SQLException ex) {
					return ex;
				}
			}
			return cause;
		}, null, checked));
	}

	/**
	 * Queue one of the engine's writes to the history table (never the table of a checked
	 * write), its failure reported as it is. On PostgreSQL, right after a checked write
	 * ({@link #addChecked}), it goes into that write's statement as one more
	 * data-modifying {@code WITH} part (the parts run in one snapshot and all complete or
	 * the statement fails; they write different tables, so their order does not matter):
	 * per revision, one statement fewer for the server to parse and plan.
	 * @param sql the write with {@code ?} placeholders (none inside its literals)
	 * @param params the values; an {@link Expression} is written as it is
	 */
	void addRecord(String sql, @Nullable Object[] params) {
		Write write = new Write(sql, params);
		int last = this.entries.size() - 1;
		Entry previous = (last >= 0) ? this.entries.get(last) : null;
		if (previous != null && previous.checked() != null) {
			this.entries.set(last, new Entry(null, null, previous.onFailure(), null, previous.checked().with(write)));
			return;
		}
		this.entries.add(new Entry(null, null, OnFailure.AS_IS, write, null));
	}

	/**
	 * Send what is queued and a {@code COMMIT} in one round trip ({@link #commits()}
	 * only): the server commits only when every entry succeeded; after a failure the
	 * transaction is left aborted for the caller's rollback, as with {@link #flush()}.
	 * @throws SQLException the failing entry's failure
	 */
	void flushAndCommit() throws SQLException {
		if (!commits() || this.entries.stream().anyMatch((entry) -> entry.check() != null)) {
			throw new IllegalStateException("Only a PostgreSQL batch whose counts are checked on the server commits");
		}
		add("COMMIT", null, OnFailure.AS_IS);
		flush();
	}

	/**
	 * Send what is queued and end the sink's transaction in the same round trip where
	 * this batch can ({@link #commits()}); elsewhere only send it, and the caller
	 * commits.
	 * @param sink the sink whose transaction the batch runs in
	 * @throws SQLException the failing entry's failure, or a count check's
	 */
	void flushEnding(SqlSink sink) throws SQLException {
		if (commits()) {
			flushAndCommit();
			sink.committedByBatch();
		}
		else {
			flush();
		}
	}

	/**
	 * Send what is queued, in one round trip, then check the update counts (in the same
	 * transaction, which the caller rolls back on any failure).
	 * @throws SQLException the failing entry's failure, or a count check's
	 */
	void flush() throws SQLException {
		if (this.entries.isEmpty()) {
			return;
		}
		List<Entry> sent = render(this.entries);
		this.entries.clear();
		int[] counts;
		try (Statement statement = this.connection.createStatement()) {
			for (Entry entry : sent) {
				statement.addBatch(entry.sql());
			}
			counts = statement.executeBatch();
		}
		catch (BatchUpdateException ex) {
			failedPrepares();
			SQLException cause = (ex.getNextException() != null) ? ex.getNextException()
					: (ex.getCause() instanceof SQLException sql) ? sql : ex;
			int failed = failedEntry(ex, sent.size(), this.dialect);
			throw (failed >= 0) ? sent.get(failed).onFailure().failed(cause) : cause;
		}
		catch (SQLException | RuntimeException ex) {
			failedPrepares();
			throw ex;
		}
		if (this.prepared != null) {
			this.prepared.sent();
		}
		for (int i = 0; i < sent.size(); i++) {
			CountCheck check = sent.get(i).check();
			if (check != null && i < counts.length) {
				check.check(counts[i]);
			}
		}
	}

	private void failedPrepares() {
		if (this.prepared != null) {
			this.prepared.failed();
		}
	}

	/**
	 * The entries as sent: a script's statement as it is; one of the engine's writes with
	 * its values as literals, or, where writes are prepared, as {@code EXECUTE} of its
	 * shape, preceded by the shape's {@code PREPARE} the first time (an entry of its own,
	 * so that positions still name the failing entry).
	 */
	private List<Entry> render(List<Entry> queued) {
		List<Entry> rendered = new ArrayList<>(queued.size() + 2);
		for (Entry entry : queued) {
			if (entry.sql() != null) {
				rendered.add(entry);
				continue;
			}
			if (this.prepared != null) {
				Template template = new Template();
				String sql = (entry.checked() != null) ? entry.checked().sql(template::part)
						: template.part(entry.write());
				PreparedWrites.Name name = this.prepared.nameFor(template.shape(sql));
				if (name != null) {
					if (name.isNew()) {
						rendered.add(new Entry("PREPARE " + name.name() + template.types() + " AS " + sql, null,
								OnFailure.AS_IS, null, null));
					}
					rendered.add(entry.as("EXECUTE " + name.name() + template.arguments()));
					continue;
				}
			}
			rendered.add(entry
				.as((entry.checked() != null) ? entry.checked().sql(this::withLiterals) : withLiterals(entry.write())));
		}
		return rendered;
	}

	private String withLiterals(Write write) {
		return ScriptSink.withLiterals(write.sql(), write.params(), this::literal);
	}

	/**
	 * One write rendered as a template of a prepared statement: each value becomes a
	 * numbered parameter typed after its Java type, except {@code NULL} and an
	 * {@link Expression}'s own SQL, which stay in the text (so they are part of the
	 * shape).
	 */
	private final class Template {

		private final List<@Nullable Object> values = new ArrayList<>();

		private final List<String> types = new ArrayList<>();

		String part(Write write) {
			StringBuilder sql = new StringBuilder(write.sql().length() + 8 * write.params().length);
			append(sql, write.sql(), write.params());
			return sql.toString();
		}

		private void append(StringBuilder sql, String text, @Nullable Object[] params) {
			int next = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c != '?' || next >= params.length) {
					sql.append(c);
					continue;
				}
				Object value = params[next++];
				if (value == null) {
					sql.append("NULL");
				}
				else if (value instanceof Expression expression) {
					append(sql, expression.sql(), expression.params());
				}
				else {
					this.values.add(value);
					this.types.add(type(value));
					sql.append('$').append(this.values.size());
				}
			}
		}

		private static String type(Object value) {
			if (value instanceof Instant) {
				return "timestamptz";
			}
			if (value instanceof Boolean) {
				return "boolean";
			}
			if (value instanceof Integer || value instanceof Short) {
				return "integer";
			}
			if (value instanceof Long) {
				return "bigint";
			}
			return (value instanceof Number) ? "numeric" : "text";
		}

		String shape(String sql) {
			return types() + " " + sql;
		}

		String types() {
			return this.types.isEmpty() ? "" : "(" + String.join(", ", this.types) + ")";
		}

		String arguments() {
			if (this.values.isEmpty()) {
				return "";
			}
			StringBuilder arguments = new StringBuilder("(");
			for (Object value : this.values) {
				arguments.append((arguments.length() > 1) ? ", " : "").append(literal(value));
			}
			return arguments.append(')').toString();
		}

	}

	/**
	 * Which entry failed: pgjdbc, inside a transaction, marks every entry failed and says
	 * the failing one's 0-based position first in its message ("Batch entry 2 ...", in
	 * every translation the first number); MariaDB Connector/J marks the failing entry
	 * (and runs the rest, which the transaction's rollback undoes).
	 * @return the position, or -1 when it cannot be told
	 */
	static int failedEntry(BatchUpdateException ex, int size, Dialect dialect) {
		int[] counts = ex.getUpdateCounts();
		if (counts != null && counts.length < size) {
			return counts.length;
		}
		if (dialect != Dialect.POSTGRESQL) {
			for (int i = 0; counts != null && i < counts.length; i++) {
				if (counts[i] == Statement.EXECUTE_FAILED) {
					return i;
				}
			}
			return -1;
		}
		String message = ex.getMessage();
		if (message != null) {
			int start = 0;
			while (start < message.length() && !Character.isDigit(message.charAt(start))) {
				start++;
			}
			int end = start;
			while (end < message.length() && end - start < 9 && Character.isDigit(message.charAt(end))) {
				end++;
			}
			if (end > start) {
				int index = Integer.parseInt(message.substring(start, end));
				if (index < size) {
					return index;
				}
			}
		}
		return -1;
	}

	/**
	 * SQL written into a statement as it is, e.g. the server's clock, with values of its
	 * own in {@code ?} placeholders (none inside its literals).
	 */
	record Expression(String sql, @Nullable Object... params) {

	}

	/** One of the engine's writes: SQL with {@code ?} placeholders and its values. */
	record Write(String sql, @Nullable Object[] params) {

	}

	/** What an entry's update count must be, checked once the batch ran. */
	@FunctionalInterface
	interface CountCheck {

		void check(int count) throws SQLException;

	}

	/** What an entry's failure is reported as (returned, or thrown when unchecked). */
	@FunctionalInterface
	interface OnFailure {

		/** The failure unchanged. */
		OnFailure AS_IS = (cause) -> cause;

		SQLException failed(SQLException cause);

	}

	/**
	 * A queued statement: a script's ({@code sql}), or one of the engine's writes, plain
	 * ({@code write}) or checked ({@code checked}), rendered when sent.
	 */
	private record Entry(@Nullable String sql, @Nullable CountCheck check, OnFailure onFailure, @Nullable Write write,
			@Nullable Checked checked) {

		Entry(String sql, @Nullable CountCheck check, OnFailure onFailure) {
			this(sql, check, onFailure, null, null);
		}

		Entry as(String rendered) {
			return new Entry(rendered, this.check, this.onFailure, null, null);
		}

	}

	/**
	 * A write checked on the server (PostgreSQL): {@code write} must change exactly one
	 * row, else the statement inserts a {@code NULL} into {@code column} of
	 * {@code table}; {@code records} ride along as more {@code WITH} parts.
	 */
	private record Checked(Write write, String table, String column, List<Write> records) {

		Checked with(Write record) {
			List<Write> all = new ArrayList<>(this.records);
			all.add(record);
			return new Checked(this.write, this.table, this.column, all);
		}

		String sql(Function<Write, String> render) {
			StringBuilder sql = new StringBuilder("WITH written AS (").append(render.apply(this.write))
				.append(" RETURNING 1)");
			for (int i = 0; i < this.records.size(); i++) {
				sql.append(", recorded")
					.append(i + 1)
					.append(" AS (")
					.append(render.apply(this.records.get(i)))
					.append(')');
			}
			return sql.append(" INSERT INTO ")
				.append(this.table)
				.append(" (")
				.append(this.column)
				.append(") SELECT NULL WHERE (SELECT count(*) FROM written) <> 1")
				.toString();
		}

	}

}
