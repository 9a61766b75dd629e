package dev.migration.lint;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A small recursive-descent reader for the statements the rules look at: {@code CREATE
 * TABLE}, {@code CREATE}/{@code DROP INDEX}, {@code ALTER TABLE} with its actions,
 * {@code DROP}, {@code RENAME TABLE}, transaction control and {@code SET}. Anything else
 * is {@link Parsed.Kind#OTHER}; the rules never guess about what was not understood.
 */
final class StatementParser {

	private StatementParser() {
	}

	static Parsed parse(List<Token> tokens) {
		Cursor c = new Cursor(tokens);
		if (c.accept("create")) {
			c.accept("or", "replace");
			boolean unique = c.accept("unique");
			c.accept("fulltext");
			c.accept("spatial");
			if (c.accept("index")) {
				return createIndex(c, unique, tokens);
			}
			c.accept("global");
			c.accept("local");
			c.accept("temporary");
			c.accept("temp");
			c.accept("unlogged");
			if (c.accept("table")) {
				return createTable(c, tokens);
			}
		}
		else if (c.accept("alter", "table")) {
			return alterTable(c, tokens);
		}
		else if (c.accept("drop")) {
			return drop(c, tokens);
		}
		else if (c.accept("rename", "table")) {
			List<String> names = new ArrayList<>();
			for (List<Token> pair : c.commaSeparated()) {
				Cursor p = new Cursor(pair);
				String from = p.name();
				p.accept("to");
				String to = p.name();
				if (from != null && to != null) {
					names.add(from);
					names.add(to);
				}
			}
			return parsed(Parsed.Kind.RENAME_TABLE, names.isEmpty() ? null : names.get(0), names, tokens);
		}
		else if (c.accept("reindex")) {
			boolean concurrently = Cursor.containsWord(tokens, "concurrently");
			return new Parsed(Parsed.Kind.REINDEX, null, List.of(), concurrently, false, List.of(), List.of(), tokens);
		}
		else if (c.is("begin") || c.is("start", "transaction") || c.is("commit") || c.is("rollback") || c.is("end")) {
			return parsed(Parsed.Kind.TRANSACTION, null, List.of(tokens.get(0).text()), tokens);
		}
		else if (c.accept("set")) {
			c.accept("session");
			c.accept("local");
			String name = c.name();
			return parsed(Parsed.Kind.SET, null, (name != null) ? List.of(name) : List.of(), tokens);
		}
		return parsed(Parsed.Kind.OTHER, null, List.of(), tokens);
	}

	private static Parsed parsed(Parsed.Kind kind, @Nullable String table, List<String> names, List<Token> tokens) {
		return new Parsed(kind, table, names, false, false, List.of(), List.of(), tokens);
	}

	private static Parsed createIndex(Cursor c, boolean unique, List<Token> tokens) {
		boolean concurrently = c.accept("concurrently");
		c.accept("if", "not", "exists");
		String index = c.is("on") ? null : c.name();
		c.accept("on");
		c.accept("only");
		String table = c.name();
		return new Parsed(Parsed.Kind.CREATE_INDEX, table, (index != null) ? List.of(index) : List.of(), concurrently,
				unique, List.of(), mysqlIndexOptions(tokens), tokens);
	}

	/**
	 * {@code ALGORITHM=} and {@code LOCK=} of MySQL's {@code CREATE}/{@code DROP INDEX}.
	 */
	private static List<Action> mysqlIndexOptions(List<Token> tokens) {
		List<Action> options = new ArrayList<>();
		for (String option : List.of("algorithm", "lock")) {
			int at = Cursor.indexOfWords(tokens, 0, option);
			if (at >= 0 && at + 1 < tokens.size()) {
				int value = tokens.get(at + 1).isSymbol("=") ? at + 2 : at + 1;
				if (value < tokens.size()) {
					options.add(new Action(option.equals("lock") ? Action.Kind.LOCK : Action.Kind.ALGORITHM, null, null,
							null, null, null, false, false, tokens.get(value).text(), List.of()));
				}
			}
		}
		return options;
	}

	private static Parsed createTable(Cursor c, List<Token> tokens) {
		c.accept("if", "not", "exists");
		String table = c.name();
		List<ColumnDef> columns = new ArrayList<>();
		if (c.is("(")) {
			for (List<Token> element : Cursor.split(c.group())) {
				if (element.isEmpty() || isTableConstraint(element.get(0))) {
					continue;
				}
				ColumnDef column = ColumnDef.parse(element);
				if (column != null) {
					columns.add(column);
				}
			}
		}
		return new Parsed(Parsed.Kind.CREATE_TABLE, table, List.of(), false, false, columns, List.of(), tokens);
	}

	private static boolean isTableConstraint(Token first) {
		return first.kind() == Token.Kind.WORD && switch (first.text()) {
			case "constraint", "primary", "foreign", "unique", "check", "exclude", "key", "index", "fulltext",
					"spatial", "like", "period" ->
				true;
			default -> false;
		};
	}

	private static Parsed drop(Cursor c, List<Token> tokens) {
		if (c.accept("index")) {
			boolean concurrently = c.accept("concurrently");
			c.accept("if", "exists");
			List<String> names = new ArrayList<>();
			String table = null;
			for (List<Token> part : c.commaSeparated()) {
				Cursor p = new Cursor(part);
				String name = p.name();
				if (name != null) {
					names.add(name);
				}
				if (p.accept("on")) {
					table = p.name();
				}
			}
			return new Parsed(Parsed.Kind.DROP_INDEX, table, names, concurrently, false, List.of(),
					mysqlIndexOptions(tokens), tokens);
		}
		c.accept("temporary");
		if (c.accept("table")) {
			c.accept("if", "exists");
			List<String> names = new ArrayList<>();
			for (List<Token> part : c.commaSeparated()) {
				String name = new Cursor(part).name();
				if (name != null) {
					names.add(name);
				}
			}
			return parsed(Parsed.Kind.DROP_TABLE, names.isEmpty() ? null : names.get(0), names, tokens);
		}
		if (c.accept("database") || c.accept("schema")) {
			c.accept("if", "exists");
			String name = c.name();
			return parsed(Parsed.Kind.DROP_DATABASE, null, (name != null) ? List.of(name) : List.of(), tokens);
		}
		return parsed(Parsed.Kind.OTHER, null, List.of(), tokens);
	}

	private static Parsed alterTable(Cursor c, List<Token> tokens) {
		c.accept("if", "exists");
		c.accept("only");
		String table = c.name();
		c.accept("*");
		List<Action> actions = new ArrayList<>();
		for (List<Token> part : c.commaSeparated()) {
			actions.add(AlterActions.parse(part));
		}
		return new Parsed(Parsed.Kind.ALTER_TABLE, table, List.of(), false, false, List.of(), actions, tokens);
	}

}
