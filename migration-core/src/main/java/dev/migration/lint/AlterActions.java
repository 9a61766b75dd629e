package dev.migration.lint;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Reads one action of {@code ALTER TABLE}, PostgreSQL's and MySQL's forms. */
final class AlterActions {

	private AlterActions() {
	}

	static Action parse(List<Token> tokens) {
		Cursor c = new Cursor(tokens);
		if (c.accept("add")) {
			return add(c, tokens);
		}
		if (c.accept("drop")) {
			return drop(c, tokens);
		}
		if (c.accept("alter")) {
			c.accept("column");
			String column = c.name();
			if (c.accept("type") || c.accept("set", "data", "type")) {
				return new Action(Action.Kind.ALTER_TYPE, column, null, ColumnType.read(tokens, c.position()).type(),
						null, null, false, false, null, tokens);
			}
			Action.Kind kind = c.is("set", "not", "null") ? Action.Kind.SET_NOT_NULL
					: c.is("drop", "not", "null") ? Action.Kind.DROP_NOT_NULL
							: c.is("set", "default") ? Action.Kind.SET_DEFAULT
									: c.is("drop", "default") ? Action.Kind.DROP_DEFAULT : Action.Kind.OTHER;
			return new Action(kind, column, null, null, null, null, false, false, null, tokens);
		}
		if (c.accept("validate", "constraint")) {
			return new Action(Action.Kind.VALIDATE_CONSTRAINT, null, null, null, null, c.name(), false, false, null,
					tokens);
		}
		if (c.accept("rename")) {
			return rename(c, tokens);
		}
		if (c.accept("modify")) {
			c.accept("column");
			ColumnDef definition = ColumnDef.parse(c.rest());
			return new Action(Action.Kind.MODIFY_COLUMN, (definition != null) ? definition.name() : null, definition,
					null, null, null, false, false, null, tokens);
		}
		if (c.accept("change")) {
			c.accept("column");
			String old = c.name();
			ColumnDef definition = ColumnDef.parse(c.rest());
			return new Action(Action.Kind.MODIFY_COLUMN, old, definition, null, null,
					(definition != null) ? definition.name() : null, false, false, null, tokens);
		}
		if (c.is("convert", "to")) {
			return Action.of(Action.Kind.CONVERT_CHARSET, tokens);
		}
		if (c.is("force") || c.is("engine")) {
			return Action.of(Action.Kind.REBUILD, tokens);
		}
		if (c.is("algorithm") || c.is("lock")) {
			Action.Kind kind = c.next().is("lock") ? Action.Kind.LOCK : Action.Kind.ALGORITHM;
			c.accept("=");
			String value = c.atEnd() ? null : c.next().text();
			return new Action(kind, null, null, null, null, null, false, false, value, tokens);
		}
		return Action.of(Action.Kind.OTHER, tokens);
	}

	private static Action add(Cursor c, List<Token> tokens) {
		String name = null;
		if (c.accept("constraint")) {
			name = (c.is("foreign") || c.is("check") || c.is("unique") || c.is("primary")) ? null : c.name();
		}
		Action.ConstraintKind kind = null;
		if (c.is("foreign", "key")) {
			kind = Action.ConstraintKind.FOREIGN_KEY;
		}
		else if (c.is("check")) {
			kind = Action.ConstraintKind.CHECK;
		}
		else if (c.is("unique")) {
			kind = Action.ConstraintKind.UNIQUE;
		}
		else if (c.is("primary", "key")) {
			kind = Action.ConstraintKind.PRIMARY_KEY;
		}
		else if (c.is("exclude")) {
			kind = Action.ConstraintKind.EXCLUDE;
		}
		if (kind != null) {
			boolean mysqlIndex = kind == Action.ConstraintKind.UNIQUE && (c.is("unique", "index")
					|| c.is("unique", "key") || (c.peek(1) != null && c.peek(1).isName() && name == null));
			return new Action(mysqlIndex ? Action.Kind.ADD_INDEX : Action.Kind.ADD_CONSTRAINT, null, null, null, kind,
					name, Cursor.indexOfWords(tokens, 0, "not", "valid") >= 0,
					Cursor.indexOfWords(tokens, 0, "using", "index") >= 0, null, tokens);
		}
		if (c.is("index") || c.is("key") || c.is("fulltext") || c.is("spatial")) {
			return Action.of(Action.Kind.ADD_INDEX, tokens);
		}
		c.accept("column");
		c.accept("if", "not", "exists");
		ColumnDef definition = ColumnDef.parse(c.rest());
		return new Action(Action.Kind.ADD_COLUMN, (definition != null) ? definition.name() : null, definition, null,
				null, null, false, false, null, tokens);
	}

	private static Action drop(Cursor c, List<Token> tokens) {
		if (c.accept("constraint")) {
			c.accept("if", "exists");
			return new Action(Action.Kind.DROP_CONSTRAINT, null, null, null, null, c.name(), false, false, null,
					tokens);
		}
		if (c.accept("primary", "key")) {
			return Action.of(Action.Kind.DROP_PRIMARY_KEY, tokens);
		}
		if (c.accept("foreign", "key")) {
			return new Action(Action.Kind.DROP_FOREIGN_KEY, null, null, null, null, c.name(), false, false, null,
					tokens);
		}
		if (c.accept("index") || c.accept("key")) {
			return new Action(Action.Kind.DROP_INDEX, null, null, null, null, c.name(), false, false, null, tokens);
		}
		if (c.is("check")) {
			return Action.of(Action.Kind.DROP_CONSTRAINT, tokens);
		}
		c.accept("column");
		c.accept("if", "exists");
		@Nullable String column = c.name();
		return new Action(Action.Kind.DROP_COLUMN, column, null, null, null, null, false, false, null, tokens);
	}

	private static Action rename(Cursor c, List<Token> tokens) {
		if (c.accept("to") || c.accept("as")) {
			return new Action(Action.Kind.RENAME_TABLE, null, null, null, null, c.name(), false, false, null, tokens);
		}
		if (c.accept("constraint") || c.accept("index") || c.accept("key")) {
			return Action.of(Action.Kind.RENAME_INDEX, tokens);
		}
		c.accept("column");
		String column = c.name();
		c.accept("to");
		return new Action(Action.Kind.RENAME_COLUMN, column, null, null, null, c.name(), false, false, null, tokens);
	}

}
