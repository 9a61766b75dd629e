package dev.migration.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the scripts before a statement say about the schema: column types (for narrowing
 * and MySQL's in-place widening), {@code CHECK (col IS NOT NULL)} constraints (which make
 * {@code SET NOT NULL} cheap), and which tables and indexes are fresh, i.e. created by a
 * revision that no database has yet, so locking them hurts nobody.
 */
final class Schema {

	private final Map<String, Map<String, ColumnType>> columns = new HashMap<>();

	private final Set<String> notNullChecks = new HashSet<>();

	private final Set<String> freshTables = new HashSet<>();

	private final Set<String> freshIndexes = new HashSet<>();

	@Nullable ColumnType type(@Nullable String table, @Nullable String column) {
		Map<String, ColumnType> of = (table != null) ? this.columns.get(table) : null;
		return (of != null && column != null) ? of.get(column) : null;
	}

	boolean hasNotNullCheck(@Nullable String table, @Nullable String column) {
		return this.notNullChecks.contains(table + "." + column);
	}

	boolean isFresh(@Nullable String table) {
		return table != null && this.freshTables.contains(table);
	}

	boolean isFreshIndex(String index) {
		return this.freshIndexes.contains(index);
	}

	/** Forget what was fresh: the next revision may run on a database that has data. */
	void endRevision(boolean keepFresh) {
		if (!keepFresh) {
			this.freshTables.clear();
			this.freshIndexes.clear();
		}
	}

	/** Apply a statement's effect, after the rules have seen the state before it. */
	void apply(Parsed statement) {
		String table = statement.table();
		switch (statement.kind()) {
			case CREATE_TABLE -> {
				Map<String, ColumnType> of = new HashMap<>();
				for (ColumnDef column : statement.columns()) {
					of.put(column.name(), column.type());
				}
				if (table != null) {
					this.columns.put(table, of);
					this.freshTables.add(table);
				}
			}
			case CREATE_INDEX -> this.freshIndexes.addAll(statement.names());
			case DROP_TABLE -> statement.names().forEach(this.columns::remove);
			case RENAME_TABLE -> {
				List<String> names = statement.names();
				for (int i = 0; i + 1 < names.size(); i += 2) {
					rename(names.get(i), names.get(i + 1));
				}
			}
			case ALTER_TABLE -> {
				for (Action action : statement.actions()) {
					alter(table, action);
				}
			}
			default -> {
			}
		}
	}

	private void alter(@Nullable String table, Action action) {
		if (table == null) {
			return;
		}
		Map<String, ColumnType> of = this.columns.computeIfAbsent(table, (key) -> new HashMap<>());
		switch (action.kind()) {
			case ADD_COLUMN, MODIFY_COLUMN -> {
				if (action.definition() != null) {
					if (action.column() != null) {
						of.remove(action.column());
					}
					of.put(action.definition().name(), action.definition().type());
				}
			}
			case ALTER_TYPE -> {
				if (action.column() != null && action.type() != null) {
					of.put(action.column(), action.type());
				}
			}
			case DROP_COLUMN -> of.remove(action.column());
			case RENAME_COLUMN -> {
				ColumnType type = of.remove(action.column());
				if (type != null && action.name() != null) {
					of.put(action.name(), type);
				}
			}
			case RENAME_TABLE -> {
				if (action.name() != null) {
					rename(table, action.name());
				}
			}
			case ADD_CONSTRAINT -> {
				if (action.constraint() == Action.ConstraintKind.CHECK) {
					List<Token> tokens = action.tokens();
					for (int i = 0; i + 2 < tokens.size(); i++) {
						if (tokens.get(i).isName() && tokens.get(i + 1).is("is") && tokens.get(i + 2).is("not")
								&& i + 3 < tokens.size() && tokens.get(i + 3).is("null")) {
							this.notNullChecks.add(table + "." + tokens.get(i).text());
						}
					}
				}
			}
			default -> {
			}
		}
	}

	private void rename(String from, String to) {
		Map<String, ColumnType> of = this.columns.remove(from);
		if (of != null) {
			this.columns.put(to, of);
		}
		if (this.freshTables.remove(from)) {
			this.freshTables.add(to);
		}
	}

}
