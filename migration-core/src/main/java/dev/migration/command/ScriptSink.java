package dev.migration.command;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
import dev.migration.script.SqlSplitter;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Renders offline SQL: each statement with the delimiter the database's own client
 * expects. PostgreSQL output runs in {@code psql} (dollar-quoted bodies need nothing
 * special); MySQL statements whose body contains {@code ;} (procedures, triggers) are
 * wrapped in {@code DELIMITER} lines. A statement whose last line ends in a line comment
 * gets its terminator on a line of its own.
 */
final class ScriptSink extends SqlSink {

	private static final String MYSQL_BODY_DELIMITER = "//";

	private final StringBuilder out = new StringBuilder();

	ScriptSink(Dialect dialect) {
		super(dialect);
	}

	@Override
	public boolean isOffline() {
		return true;
	}

	@Override
	public @Nullable Connection connection() {
		return null;
	}

	@Override
	public void execute(String sql) {
		String text = sql.strip();
		while (text.endsWith(";")) {
			text = text.substring(0, text.length() - 1).stripTrailing();
		}
		if (dialect() == Dialect.MYSQL && text.contains(";")) {
			this.out.append("DELIMITER ")
				.append(MYSQL_BODY_DELIMITER)
				.append('\n')
				.append(text)
				.append('\n')
				.append(MYSQL_BODY_DELIMITER)
				.append('\n')
				.append("DELIMITER ;\n\n");
			return;
		}
		this.out.append(text).append(endsInLineComment(text) ? "\n;\n\n" : ";\n\n");
	}

	/**
	 * Whether a terminator appended to the text would land inside a line comment
	 * ({@code --}, MySQL's {@code #}, H2's {@code //}): the splitter, which knows each
	 * dialect's quotes and comments, keeps the appended {@code ;} in the statement then.
	 */
	private boolean endsInLineComment(String text) {
		int newline = text.lastIndexOf('\n');
		String lastLine = text.substring(newline + 1);
		if (!lastLine.contains("--") && !lastLine.contains("#") && !lastLine.contains("//")) {
			return false;
		}
		try {
			List<SqlStatement> statements = SqlSplitter.split(text + ";", dialect(), 1, "offline SQL");
			return statements.size() != 1 || !statements.get(0).sql().equals(text);
		}
		catch (MigrationException ex) {
			// text the splitter cannot read: a terminator on its own line is valid anyway
			return true;
		}
	}

	@Override
	public int update(String sql, @Nullable Object... params) {
		execute(withLiterals(sql, params, this::literal));
		return -1;
	}

	/**
	 * One of the engine's parameterised statements with its values written in, as offline
	 * SQL and a batch of the engine's writes send it.
	 * @param sql the statement with {@code ?} placeholders (none inside its literals)
	 * @param params the values, in order
	 * @param literal how a value is written
	 * @return the statement
	 */
	static String withLiterals(String sql, @Nullable Object[] params, Function<@Nullable Object, String> literal) {
		StringBuilder rendered = new StringBuilder(sql.length() + 64 * params.length);
		int next = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (c == '?' && next < params.length) {
				rendered.append(literal.apply(params[next++]));
			}
			else {
				rendered.append(c);
			}
		}
		return rendered.toString();
	}

	String literal(@Nullable Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Instant) {
			return currentTime();
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		String text = value.toString().replace("'", "''");
		if (dialect() == Dialect.MYSQL) {
			text = text.replace("\\", "\\\\");
		}
		return "'" + text + "'";
	}

	private String currentTime() {
		// sqlite-jdbc stores timestamps as epoch milliseconds; keep offline rows readable
		// by the same code that reads online ones
		// history times are UTC whatever the session's zone: MariaDB/MySQL's DATETIME
		// holds UTC wall time, the others an instant
		return switch (dialect()) {
			case SQLITE -> "(CAST(strftime('%s', 'now') AS INTEGER) * 1000)";
			case MYSQL -> "UTC_TIMESTAMP(3)";
			case POSTGRESQL, H2 -> "CURRENT_TIMESTAMP";
		};
	}

	@Override
	public void comment(String text) {
		this.out.append("-- ").append(text.replace('\n', ' ')).append("\n\n");
	}

	@Override
	public void begin() {
		if (!this.inTransaction && hasTransactionStatements()) {
			this.out.append("BEGIN;\n\n");
		}
		this.inTransaction = true;
	}

	@Override
	public void commit() {
		if (this.inTransaction && hasTransactionStatements()) {
			this.out.append("COMMIT;\n\n");
		}
		this.inTransaction = false;
	}

	private boolean hasTransactionStatements() {
		// H2 scripts run statement by statement in auto-commit; MySQL DDL commits anyway
		return dialect() == Dialect.POSTGRESQL || dialect() == Dialect.SQLITE;
	}

	@Override
	public java.sql.@Nullable SQLException rollback() {
		this.inTransaction = false;
		return null;
	}

	/**
	 * The script so far.
	 * @return the SQL text
	 */
	String script() {
		return this.out.toString();
	}

}
