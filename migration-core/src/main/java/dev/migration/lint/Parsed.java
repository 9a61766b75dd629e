package dev.migration.lint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the linter understood of one statement.
 *
 * @param kind the statement's kind
 * @param table the (last part of the) table it works on, lower case unless quoted
 * @param names further names: the tables of {@code DROP TABLE}, the index of
 * {@code CREATE}/{@code DROP INDEX}, {@code [from, to, ...]} of MySQL
 * {@code RENAME TABLE}, the setting of {@code SET}
 * @param concurrently {@code CONCURRENTLY} given
 * @param unique {@code CREATE UNIQUE INDEX}
 * @param columns the columns of {@code CREATE TABLE}
 * @param actions the actions of {@code ALTER TABLE}
 * @param tokens all tokens
 */
record Parsed(Kind kind, @Nullable String table, List<String> names, boolean concurrently, boolean unique,
		List<ColumnDef> columns, List<Action> actions, List<Token> tokens) {

	enum Kind {

		CREATE_TABLE, CREATE_INDEX, DROP_INDEX, REINDEX, ALTER_TABLE, DROP_TABLE, DROP_DATABASE, RENAME_TABLE,
		TRANSACTION, SET, OTHER

	}

	/**
	 * The value of a MySQL {@code ALGORITHM=} or {@code LOCK=} option, lower case, or
	 * null.
	 */
	@Nullable String option(Action.Kind option) {
		for (Action action : this.actions) {
			if (action.kind() == option) {
				return action.value();
			}
		}
		return null;
	}

}
