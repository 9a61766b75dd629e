package dev.migration.script;

import java.util.List;

import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;

/**
 * Cuts a script into statements the way the database's own client does: psql for
 * PostgreSQL (quotes, {@code E''} strings, dollar quotes, nested comments, SQL-standard
 * {@code BEGIN ATOMIC} bodies), the mysql client for MySQL/MariaDB ({@code DELIMITER},
 * {@code #} and {@code -- } comments, backslash escapes) but also keeping
 * {@code BEGIN ... END} routine bodies whole without a {@code DELIMITER} line, the
 * sqlite3 shell for SQLite (trigger bodies), and H2's script runner. Comments stay inside
 * statements; chunks with nothing but whitespace and comments are dropped; statements
 * carry no trailing delimiter.
 */
public final class SqlSplitter {

	private SqlSplitter() {
	}

	/**
	 * Split a script.
	 * @param script the text
	 * @param dialect the dialect whose lexical rules apply
	 * @param firstLine the file line of the script's first line (for messages)
	 * @param location the file, for messages
	 * @return the statements
	 * @throws ScriptParseException for an unterminated quote, dollar quote, comment or
	 * body, a bad {@code DELIMITER}, a psql meta-command or {@code COPY FROM stdin}
	 */
	public static List<SqlStatement> split(String script, Dialect dialect, int firstLine, String location) {
		return List.copyOf(new StatementScanner(script, dialect, firstLine, location).scan());
	}

}
