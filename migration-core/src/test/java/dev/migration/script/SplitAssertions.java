package dev.migration.script;

import java.util.List;

import dev.migration.sql.Dialect;

/** Shortcuts for splitter tests. */
final class SplitAssertions {

	static final String FILE = "db/migration/ab12_x.sql";

	private SplitAssertions() {
	}

	static List<String> sqls(String script, Dialect dialect) {
		return SqlSplitter.split(script, dialect, 1, FILE).stream().map(SqlStatement::sql).toList();
	}

}
