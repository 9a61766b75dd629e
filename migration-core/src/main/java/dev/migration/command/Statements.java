package dev.migration.command;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry.Direction;
import dev.migration.Revision;
import dev.migration.script.SqlMigration;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/** The statements of a SQL revision, so they can be run and reported one by one. */
final class Statements {

	private Statements() {
	}

	/**
	 * The statements of a revision's section.
	 * @return the statements, or {@code null} for a body that is code (Java migrations)
	 */
	static @Nullable List<SqlStatement> of(Revision revision, Direction direction, Dialect dialect) {
		if (revision.migration() instanceof SqlMigration sql) {
			return sql.statements(direction, dialect);
		}
		return null;
	}

}
