package dev.migration.lint;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.lint.StatementEffect.ObjectKind;
import dev.migration.lint.StatementEffect.Trace;

/**
 * What one {@code ALTER TABLE} action leaves in the catalog, for {@link StatementEffect}.
 * Actions that change nothing a second run would not change again ({@code MODIFY},
 * defaults, {@code NOT NULL}, engine and character set) leave no trace and need none.
 */
final class AlterTraces {

	private AlterTraces() {
	}

	/**
	 * Add the action's traces.
	 * @return {@code false} when the action is not understood
	 */
	static boolean add(Action action, @Nullable String schema, String table, List<Trace> traces) {
		boolean guarded = Cursor.indexOfWords(action.tokens(), 0, "exists") >= 0;
		switch (action.kind()) {
			case ADD_COLUMN, DROP_COLUMN -> {
				if (guarded) {
					return true;
				}
				String column = action.column();
				if (column == null || (action.kind() == Action.Kind.ADD_COLUMN && action.definition() == null)) {
					return false;
				}
				return add(traces, ObjectKind.COLUMN, schema, table, column, action.kind() == Action.Kind.ADD_COLUMN);
			}
			case RENAME_COLUMN -> {
				return renamed(traces, ObjectKind.COLUMN, schema, table, action.column(), action.name());
			}
			case MODIFY_COLUMN -> {
				// MODIFY, or CHANGE a a: the same definition again
				if (action.name() == null || action.name().equals(action.column())) {
					return action.column() != null;
				}
				return renamed(traces, ObjectKind.COLUMN, schema, table, action.column(), action.name());
			}
			case ALTER_TYPE, SET_NOT_NULL, DROP_NOT_NULL, SET_DEFAULT, DROP_DEFAULT, CONVERT_CHARSET, REBUILD,
					ALGORITHM, LOCK, VALIDATE_CONSTRAINT -> {
				return true;
			}
			case ADD_CONSTRAINT -> {
				if (guarded) {
					return true;
				}
				if (action.constraint() == Action.ConstraintKind.PRIMARY_KEY) {
					return add(traces, ObjectKind.PRIMARY_KEY, schema, table, null, true);
				}
				return add(traces, ObjectKind.CONSTRAINT, schema, table, action.name(), true);
			}
			case ADD_INDEX -> {
				return guarded || add(traces, ObjectKind.INDEX, schema, table, addedIndexName(action.tokens()), true);
			}
			case DROP_INDEX -> {
				return guarded || add(traces, ObjectKind.INDEX, schema, table, action.name(), false);
			}
			case DROP_CONSTRAINT, DROP_FOREIGN_KEY -> {
				String name = (action.name() != null) ? action.name() : droppedCheckName(action.tokens());
				return guarded || add(traces, ObjectKind.CONSTRAINT, schema, table, name, false);
			}
			case DROP_PRIMARY_KEY -> {
				return add(traces, ObjectKind.PRIMARY_KEY, schema, table, null, false);
			}
			case RENAME_TABLE -> {
				if (action.name() == null) {
					return false;
				}
				traces.add(new Trace(ObjectKind.TABLE, schema, null, table, false));
				traces.add(new Trace(ObjectKind.TABLE, schema, null, action.name(), true));
				return true;
			}
			case RENAME_INDEX -> {
				return renamedIndexOrConstraint(action.tokens(), schema, table, traces);
			}
			default -> {
				return h2RenameColumn(action.tokens(), schema, table, traces);
			}
		}
	}

	private static boolean add(List<Trace> traces, ObjectKind kind, @Nullable String schema, String table,
			@Nullable String name, boolean present) {
		if (name == null && kind != ObjectKind.PRIMARY_KEY) {
			return false;
		}
		traces.add(new Trace(kind, schema, table, name, present));
		return true;
	}

	private static boolean renamed(List<Trace> traces, ObjectKind kind, @Nullable String schema, String table,
			@Nullable String from, @Nullable String to) {
		if (from == null || to == null) {
			return false;
		}
		traces.add(new Trace(kind, schema, table, from, false));
		traces.add(new Trace(kind, schema, table, to, true));
		return true;
	}

	/**
	 * {@code ADD [CONSTRAINT [c]] [UNIQUE] [INDEX|KEY] [name] (...)}: the index's name,
	 * {@code null} when the database would make one up.
	 */
	private static @Nullable String addedIndexName(List<Token> tokens) {
		Cursor c = new Cursor(tokens);
		c.accept("add");
		String constraint = null;
		if (c.accept("constraint") && !c.is("unique")) {
			constraint = c.name();
		}
		c.accept("unique");
		if (!(c.accept("fulltext") || c.accept("spatial"))) {
			c.accept("index");
		}
		c.accept("index");
		c.accept("key");
		Token next = c.peek();
		if (next != null && next.isName() && !next.is("using")) {
			return c.name();
		}
		return constraint;
	}

	/** MySQL's {@code DROP CHECK name}. */
	private static @Nullable String droppedCheckName(List<Token> tokens) {
		Cursor c = new Cursor(tokens);
		return (c.accept("drop", "check")) ? c.name() : null;
	}

	/** {@code RENAME INDEX|KEY a TO b}, {@code RENAME CONSTRAINT a TO b}. */
	private static boolean renamedIndexOrConstraint(List<Token> tokens, @Nullable String schema, String table,
			List<Trace> traces) {
		Cursor c = new Cursor(tokens);
		c.accept("rename");
		ObjectKind kind = c.accept("constraint") ? ObjectKind.CONSTRAINT : ObjectKind.INDEX;
		if (kind == ObjectKind.INDEX && !(c.accept("index") || c.accept("key"))) {
			return false;
		}
		String from = c.name();
		c.accept("to");
		return renamed(traces, kind, schema, table, from, c.name());
	}

	/** H2's {@code ALTER COLUMN a RENAME TO b}. */
	private static boolean h2RenameColumn(List<Token> tokens, @Nullable String schema, String table,
			List<Trace> traces) {
		Cursor c = new Cursor(tokens);
		if (!c.accept("alter")) {
			return false;
		}
		c.accept("column");
		String from = c.name();
		if (!c.accept("rename", "to")) {
			return false;
		}
		return renamed(traces, ObjectKind.COLUMN, schema, table, from, c.name()) && c.atEnd();
	}

}
