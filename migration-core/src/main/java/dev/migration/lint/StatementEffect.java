package dev.migration.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * What running one statement leaves behind, as far as the engine can tell from its text:
 * whether it is data manipulation (which can commit in one transaction with a progress
 * row), whether running it twice is the same as once, or which catalog objects exist or
 * no longer exist once it ran. The engine's resumption of a killed revision decides from
 * this whether the one statement that may or may not have run did; anything not
 * understood is {@link Kind#UNKNOWN}, and the engine then does not guess.
 *
 * @param kind what kind of statement it is
 * @param traces for {@link Kind#TRACED}: what the catalog shows once it ran
 */
public record StatementEffect(Kind kind, List<Trace> traces) {

	public StatementEffect {
		traces = List.copyOf(traces);
	}

	private static final StatementEffect DML = new StatementEffect(Kind.DML, List.of());

	private static final StatementEffect IDEMPOTENT = new StatementEffect(Kind.IDEMPOTENT, List.of());

	private static final StatementEffect SESSION = new StatementEffect(Kind.SESSION, List.of());

	private static final StatementEffect UNKNOWN = new StatementEffect(Kind.UNKNOWN, List.of());

	/** What a statement is, for resumption. */
	public enum Kind {

		/**
		 * Reads or changes rows ({@code INSERT}, {@code UPDATE}, {@code DELETE},
		 * {@code REPLACE}, {@code MERGE}, {@code SELECT}, {@code WITH}): it can commit
		 * with its progress row.
		 */
		DML,

		/**
		 * Sets session state ({@code SET}, {@code USE}): re-run, and replayed before
		 * later statements when a revision resumes in a new session.
		 */
		SESSION,

		/**
		 * Running it twice is running it once ({@code IF [NOT] EXISTS},
		 * {@code CREATE OR REPLACE}, {@code MODIFY COLUMN}, {@code TRUNCATE}, ...).
		 */
		IDEMPOTENT,

		/** DDL whose effect the catalog shows: {@link StatementEffect#traces()}. */
		TRACED,

		/** Not understood, or leaves no trace the engine can check. */
		UNKNOWN

	}

	/** The catalog objects a trace is about. */
	public enum ObjectKind {

		TABLE("table"), VIEW("view"), SEQUENCE("sequence"), INDEX("index"), COLUMN("column"), CONSTRAINT("constraint"),
		PRIMARY_KEY("primary key"), PROCEDURE("procedure"), FUNCTION("function"), TRIGGER("trigger");

		private final String noun;

		ObjectKind(String noun) {
			this.noun = noun;
		}

		public String noun() {
			return this.noun;
		}

	}

	/**
	 * One object that exists, or no longer exists, once the statement ran.
	 *
	 * @param object what kind of object
	 * @param schema the schema the statement names, {@code null} for the current one
	 * @param table the table it belongs to (columns, constraints, primary keys, indexes
	 * where known), {@code null} otherwise
	 * @param name its name ({@code null} for a primary key), lower case unless quoted
	 * @param present whether it exists after the statement
	 */
	public record Trace(ObjectKind object, @Nullable String schema, @Nullable String table, @Nullable String name,
			boolean present) {

		/**
		 * How a message names the object, e.g. {@code column email of table users}.
		 * @return the description
		 */
		public String describe() {
			StringBuilder text = new StringBuilder(this.object.noun());
			if (this.name != null) {
				text.append(' ').append(this.name);
			}
			if (this.table != null && this.object != ObjectKind.TABLE) {
				text.append((this.name != null) ? " of table " : " of table ").append(this.table);
			}
			return text.toString();
		}

	}

	/**
	 * Read one statement (as the splitter cut it).
	 * @param sql the statement
	 * @param dialect its dialect
	 * @return what it leaves behind
	 */
	public static StatementEffect of(String sql, Dialect dialect) {
		List<Token> tokens = Tokenizer.tokenize(sql, dialect).tokens();
		if (tokens.isEmpty()) {
			return IDEMPOTENT;
		}
		Cursor c = new Cursor(tokens);
		if (c.is("insert") || c.is("update") || c.is("delete") || c.is("replace") || c.is("merge") || c.is("select")
				|| c.is("with") || c.is("values") || c.is("(")) {
			return DML;
		}
		if (c.is("set") || c.is("use")) {
			return SESSION;
		}
		if (c.is("truncate") || c.is("comment", "on")) {
			return IDEMPOTENT;
		}
		StatementEffect effect = UNKNOWN;
		if (c.accept("create")) {
			effect = create(c);
		}
		else if (c.accept("drop")) {
			effect = drop(c);
		}
		else if (c.accept("rename", "table")) {
			effect = rename(c);
		}
		else if (c.accept("alter", "table")) {
			effect = alter(c);
		}
		return consistent(effect);
	}

	/**
	 * Whether MariaDB/MySQL certainly commit the open transaction before running the
	 * statement (and again after it): {@code CREATE} (also {@code OR REPLACE}) and
	 * {@code DROP} of a table, index, view, function, procedure or trigger,
	 * {@code ALTER TABLE}, {@code RENAME TABLE} and {@code TRUNCATE}. Anything naming
	 * {@code TEMPORARY} (a temporary table is created and dropped inside the transaction)
	 * or holding an executable comment ({@code /*!...}) is not counted, nor is anything
	 * on other databases: a false "no" costs a commit, a false "yes" would let
	 * bookkeeping stay uncommitted while the statement runs.
	 * @param sql the statement
	 * @param dialect its dialect
	 * @return whether the server commits before it
	 */
	public static boolean commitsImplicitly(String sql, Dialect dialect) {
		String lower = sql.toLowerCase(Locale.ROOT);
		if (dialect != Dialect.MYSQL || lower.contains("temporary") || lower.contains("/*!")
				|| lower.contains("/*m!")) {
			return false;
		}
		Cursor c = new Cursor(Tokenizer.tokenize(sql, dialect).tokens());
		if (c.is("alter", "table") || c.is("rename", "table") || c.is("truncate")) {
			return true;
		}
		if (c.accept("create")) {
			c.accept("or", "replace");
			skipCreateOptions(c);
		}
		else if (!c.accept("drop")) {
			return false;
		}
		return c.is("table") || c.is("index") || c.is("view") || c.is("function") || c.is("procedure")
				|| c.is("trigger");
	}

	/** An object both created and dropped by one statement tells nothing. */
	private static StatementEffect consistent(StatementEffect effect) {
		Set<Trace> seen = new HashSet<>();
		for (Trace trace : effect.traces()) {
			Trace opposite = new Trace(trace.object(), trace.schema(), trace.table(), trace.name(), !trace.present());
			if (seen.contains(opposite)) {
				return UNKNOWN;
			}
			seen.add(trace);
		}
		return effect;
	}

	private static StatementEffect create(Cursor c) {
		if (c.is("or", "replace")) {
			return IDEMPOTENT;
		}
		skipCreateOptions(c);
		ObjectKind kind = objectKind(c);
		if (kind == null || c.is("if", "not", "exists")) {
			return (kind != null) ? IDEMPOTENT : UNKNOWN;
		}
		List<String> name = qualifiedName(c);
		if (name == null) {
			return UNKNOWN;
		}
		String table = null;
		List<String> owner = null;
		if (kind == ObjectKind.INDEX) {
			if (!c.accept("on")) {
				return UNKNOWN;
			}
			owner = qualifiedName(c);
			if (owner == null) {
				return UNKNOWN;
			}
			table = last(owner);
		}
		String schema = (owner != null) ? schema(owner) : schema(name);
		return traced(new Trace(kind, schema, table, last(name), true));
	}

	/**
	 * {@code UNIQUE}, {@code TEMPORARY}, {@code ALGORITHM=...}, {@code DEFINER=...},
	 * {@code SQL SECURITY ...} and the like between {@code CREATE} and the object kind.
	 */
	private static void skipCreateOptions(Cursor c) {
		while (!c.atEnd()) {
			if (c.accept("unique") || c.accept("fulltext") || c.accept("spatial") || c.accept("aggregate")
					|| c.accept("force")) {
				continue;
			}
			if (c.accept("sql", "security")) {
				c.next();
				continue;
			}
			if (c.is("algorithm") || c.is("definer")) {
				c.next();
				c.accept("=");
				// user, or `user`@`host`, or CURRENT_USER[()]
				while (!c.atEnd() && !(c.peek().kind() == Token.Kind.WORD && objectWord(c.peek().text()))
						&& !c.is("sql") && !c.is("algorithm")) {
					c.next();
				}
				continue;
			}
			return;
		}
	}

	private static boolean objectWord(String word) {
		return switch (word) {
			case "table", "view", "sequence", "index", "procedure", "function", "trigger", "temporary" -> true;
			default -> false;
		};
	}

	private static @Nullable ObjectKind objectKind(Cursor c) {
		if (c.is("temporary") || c.is("temp")) {
			// vanishes with its session: nothing the next run can see
			return null;
		}
		for (ObjectKind kind : List.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.SEQUENCE, ObjectKind.INDEX,
				ObjectKind.PROCEDURE, ObjectKind.FUNCTION, ObjectKind.TRIGGER)) {
			if (c.accept(kind.noun())) {
				return kind;
			}
		}
		return null;
	}

	private static StatementEffect drop(Cursor c) {
		c.accept("temporary");
		ObjectKind kind = objectKind(c);
		if (kind == null) {
			return UNKNOWN;
		}
		if (c.is("if", "exists")) {
			return IDEMPOTENT;
		}
		List<Trace> traces = new ArrayList<>();
		for (List<Token> part : c.commaSeparated()) {
			Cursor p = new Cursor(part);
			List<String> name = qualifiedName(p);
			if (name == null) {
				return UNKNOWN;
			}
			String table = null;
			String schema = schema(name);
			if (kind == ObjectKind.INDEX && p.accept("on")) {
				List<String> owner = qualifiedName(p);
				table = (owner != null) ? last(owner) : null;
				schema = (owner != null) ? schema(owner) : schema;
			}
			if (!p.atEnd() && !(p.is("cascade") || p.is("restrict") || p.is("algorithm") || p.is("lock"))) {
				return UNKNOWN;
			}
			traces.add(new Trace(kind, schema, table, last(name), false));
		}
		return traced(traces);
	}

	private static StatementEffect rename(Cursor c) {
		List<Trace> traces = new ArrayList<>();
		for (List<Token> pair : c.commaSeparated()) {
			Cursor p = new Cursor(pair);
			List<String> from = qualifiedName(p);
			p.accept("to");
			List<String> to = qualifiedName(p);
			if (from == null || to == null || !p.atEnd()) {
				return UNKNOWN;
			}
			traces.add(new Trace(ObjectKind.TABLE, schema(from), null, last(from), false));
			traces.add(new Trace(ObjectKind.TABLE, schema(to), null, last(to), true));
		}
		return traced(traces);
	}

	private static StatementEffect alter(Cursor c) {
		c.accept("only");
		if (c.is("if", "exists")) {
			return UNKNOWN;
		}
		List<String> name = qualifiedName(c);
		if (name == null) {
			return UNKNOWN;
		}
		String schema = schema(name);
		String table = last(name);
		List<Trace> traces = new ArrayList<>();
		for (List<Token> part : c.commaSeparated()) {
			if (!AlterTraces.add(AlterActions.parse(part), schema, table, traces)) {
				return UNKNOWN;
			}
		}
		return traced(traces);
	}

	private static StatementEffect traced(Trace trace) {
		return new StatementEffect(Kind.TRACED, List.of(trace));
	}

	private static StatementEffect traced(List<Trace> traces) {
		return traces.isEmpty() ? IDEMPOTENT : new StatementEffect(Kind.TRACED, traces);
	}

	/** {@code [schema.]name} as its parts, {@code null} when no name comes next. */
	static @Nullable List<String> qualifiedName(Cursor c) {
		Token token = c.peek();
		if (token == null || !token.isName()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		parts.add(c.next().text());
		while (c.is(".") && c.peek(1) != null && c.peek(1).isName()) {
			c.next();
			parts.add(c.next().text());
		}
		return parts;
	}

	static String last(List<String> name) {
		return name.get(name.size() - 1);
	}

	static @Nullable String schema(List<String> name) {
		return (name.size() > 1) ? name.get(name.size() - 2) : null;
	}

}
