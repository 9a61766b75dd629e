package dev.migration.lint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One action of an {@code ALTER TABLE} (the statement may carry several, comma
 * separated).
 *
 * @param kind what the action does
 * @param column the column it names, if any
 * @param definition the new column's definition ({@code ADD COLUMN}, MySQL
 * {@code MODIFY}/{@code CHANGE})
 * @param type the new type ({@code ALTER COLUMN ... TYPE})
 * @param constraint what kind of constraint is added
 * @param name the constraint or index name, or the new name of a rename
 * @param notValid whether {@code NOT VALID} is given
 * @param usingIndex whether {@code USING INDEX} is given
 * @param value the option's value ({@code ALGORITHM=}, {@code LOCK=})
 * @param tokens the action's tokens
 */
record Action(Kind kind, @Nullable String column, @Nullable ColumnDef definition, @Nullable ColumnType type,
		@Nullable ConstraintKind constraint, @Nullable String name, boolean notValid, boolean usingIndex,
		@Nullable String value, List<Token> tokens) {

	static Action of(Kind kind, List<Token> tokens) {
		return new Action(kind, null, null, null, null, null, false, false, null, tokens);
	}

	enum Kind {

		ADD_COLUMN, DROP_COLUMN, ALTER_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, ADD_CONSTRAINT,
		VALIDATE_CONSTRAINT, DROP_CONSTRAINT, RENAME_COLUMN, RENAME_TABLE, RENAME_INDEX, MODIFY_COLUMN, ADD_INDEX,
		DROP_INDEX, DROP_PRIMARY_KEY, DROP_FOREIGN_KEY, CONVERT_CHARSET, REBUILD, ALGORITHM, LOCK, OTHER

	}

	enum ConstraintKind {

		FOREIGN_KEY, CHECK, UNIQUE, PRIMARY_KEY, EXCLUDE, OTHER

	}

}
