package dev.migration.script;

import java.util.List;

import dev.migration.sql.Dialect;

/**
 * Cuts a script into statements the way the database's own client does.
 */
public final class SqlSplitter {

	// CONTRACT: the script helper replaces this body.
	private SqlSplitter() {
	}

	/**
	 * Split a script.
	 * @param script the text
	 * @param dialect the dialect whose lexical rules apply
	 * @param firstLine the file line of the script's first line (for messages)
	 * @param location the file, for messages
	 * @return the statements
	 */
	public static List<SqlStatement> split(String script, Dialect dialect, int firstLine, String location) {
		throw new UnsupportedOperationException("SqlSplitter.split");
	}

}
