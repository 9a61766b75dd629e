package dev.migration.script;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import dev.migration.sql.Dialect;

/**
 * Generators of statement fragments per dialect: words, strings with embedded delimiters
 * and quotes, quoted identifiers, both comment styles, dollar quotes with tags, bodies
 * ({@code BEGIN ATOMIC}, MySQL routines, SQLite triggers) and MySQL {@code DELIMITER}
 * blocks, joined with known boundaries.
 */
final class ScriptArbitraries {

	/** Characters that trip naive splitters. */
	private static final String NASTY = ";'\"`-/*#$\\[] ab\n(";

	private ScriptArbitraries() {
	}

	static Arbitrary<GeneratedScript> scripts(Dialect dialect) {
		if (dialect == Dialect.MYSQL) {
			return mysqlScripts();
		}
		Arbitrary<List<String>> fragments = statement(dialect).list().ofMinSize(1).ofMaxSize(6);
		Arbitrary<List<String>> separators = separator(dialect).list().ofSize(7);
		return Combinators.combine(fragments, separators, Arbitraries.of(true, false)).as((statements, gaps, last) -> {
			GeneratedScript.Builder builder = new GeneratedScript.Builder(dialect);
			int count = statements.size();
			for (int i = 0; i < count - 1; i++) {
				builder.raw(gaps.get(i)).statement(statements.get(i)).raw(";");
			}
			// without a final delimiter, what trails the last statement belongs to it
			builder.raw(gaps.get(count - 1));
			return last ? builder.statement(statements.get(count - 1)).raw(";" + gaps.get(6)).build()
					: builder.statement(statements.get(count - 1) + gaps.get(6)).build();
		});
	}

	/**
	 * Runs with the default delimiter mixed with {@code DELIMITER $$} / {@code //}
	 * blocks.
	 */
	private static Arbitrary<GeneratedScript> mysqlScripts() {
		Arbitrary<List<String>> plain = statement(Dialect.MYSQL).list().ofMinSize(1).ofMaxSize(4);
		Arbitrary<List<String>> custom = customDelimited().list().ofMinSize(1).ofMaxSize(3);
		Arbitrary<String> delimiter = Arbitraries.of("$$", "//", ";;", "@@");
		Arbitrary<List<Object>> segments = Arbitraries
			.oneOf(plain.map((list) -> (Object) list), Combinators.combine(delimiter, custom).as(Block::new))
			.list()
			.ofMinSize(1)
			.ofMaxSize(4);
		return Combinators.combine(segments, separator(Dialect.MYSQL)).as((parts, gap) -> {
			GeneratedScript.Builder builder = new GeneratedScript.Builder(Dialect.MYSQL);
			for (Object part : parts) {
				if (part instanceof Block block) {
					builder.raw("DELIMITER " + block.delimiter() + "\n");
					for (String statement : block.statements()) {
						builder.raw(gap).statement(statement).raw(block.delimiter() + "\n");
					}
					builder.raw("DELIMITER ;\n");
				}
				else {
					for (Object statement : (List<?>) part) {
						builder.raw(gap).statement((String) statement).raw(";\n");
					}
				}
			}
			return builder.build();
		});
	}

	record Block(String delimiter, List<String> statements) {
	}

	/** Inside a DELIMITER block semicolons are plain characters. */
	private static Arbitrary<String> customDelimited() {
		return Arbitraries.oneOf(statement(Dialect.MYSQL),
				Combinators.combine(statement(Dialect.MYSQL), statement(Dialect.MYSQL)).as((a, b) -> a + ";\n" + b),
				mysqlRoutine());
	}

	static Arbitrary<String> statement(Dialect dialect) {
		Arbitrary<String> plain = Combinators.combine(word(), atom(dialect).list().ofMaxSize(8))
			.as((first, rest) -> rest.isEmpty() ? first : first + " " + String.join(" ", rest));
		return switch (dialect) {
			case POSTGRESQL -> Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, plain),
					net.jqwik.api.Tuple.of(1, beginAtomic()), net.jqwik.api.Tuple.of(1, doBlock()));
			case MYSQL ->
				Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, plain), net.jqwik.api.Tuple.of(2, mysqlRoutine()));
			case SQLITE ->
				Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, plain), net.jqwik.api.Tuple.of(2, sqliteTrigger()));
			case H2 -> plain;
		};
	}

	private static Arbitrary<String> word() {
		return Arbitraries.of("SELECT", "INSERT", "x", "t1", "42", "a.b", "=", "(1, 2)", ",", "+", "foo_bar", "*",
				"'x'");
	}

	static Arbitrary<String> atom(Dialect dialect) {
		Arbitrary<String> text = Arbitraries.strings().withChars(NASTY).ofMaxLength(14);
		Arbitrary<String> lineText = Arbitraries.strings().withChars(NASTY.replace("\n", "")).ofMaxLength(10);
		Arbitrary<String> single = text.map((s) -> "'" + s.replace("'", "''") + "'");
		Arbitrary<String> lineComment = lineText.map((s) -> "-- " + s + "\n");
		Arbitrary<String> blockComment = text
			.filter((s) -> !s.contains("*/") && !s.contains("/*") && !s.endsWith("/") && !s.startsWith("!")
					&& !s.startsWith("M!"))
			.map((s) -> "/*" + s + "*/");
		Arbitrary<String> doubleQuoted = text.map((s) -> "\"" + s.replace("\"", "\"\"") + "\"");
		return switch (dialect) {
			case POSTGRESQL -> Arbitraries.oneOf(word(), single, doubleQuoted, lineComment, blockComment,
					text.map((s) -> "E'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"),
					dollarQuoted(text, Arbitraries.of("", "body", "x_1", "Tag")),
					text.filter((s) -> !s.contains("*/") && !s.contains("/*") && !s.endsWith("/"))
						.map((s) -> "/* outer /* inner " + s + " */ still */"),
					Arbitraries.of("$1", "a$b", "($2 + 1)", "CASE WHEN x THEN 1 END"));
			case MYSQL -> Arbitraries.oneOf(word(), lineComment, blockComment,
					text.map((s) -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"),
					text.map((s) -> "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"),
					text.map((s) -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
					text.map((s) -> "`" + s.replace("`", "``") + "`"), lineText.map((s) -> "#" + s + "\n"),
					Arbitraries.of("1--1", "/*!40101 x */", "CASE WHEN x THEN 1 END AS c"));
			case SQLITE -> Arbitraries.oneOf(word(), single, doubleQuoted, lineComment, blockComment,
					text.map((s) -> "`" + s.replace("`", "``") + "`"),
					text.filter((s) -> !s.contains("]")).map((s) -> "[" + s + "]"));
			case H2 -> Arbitraries.oneOf(word(), single, doubleQuoted, lineComment, blockComment,
					lineText.map((s) -> "// " + s + "\n"), dollarQuoted(text, Arbitraries.of("")));
		};
	}

	private static Arbitrary<String> dollarQuoted(Arbitrary<String> text, Arbitrary<String> tags) {
		return Combinators.combine(tags, text).as((tag, body) -> {
			String quote = "$" + tag + "$";
			return (body + quote).indexOf(quote) == body.length() ? quote + body + quote : quote + quote;
		});
	}

	private static Arbitrary<String> innerStatements(Dialect dialect) {
		return Combinators.combine(word(), atom(dialect).list().ofMaxSize(4))
			.as((first, rest) -> rest.isEmpty() ? first : first + " " + String.join(" ", rest))
			.list()
			.ofMinSize(1)
			.ofMaxSize(3)
			.map((list) -> String.join(";\n  ", list) + ";");
	}

	private static Arbitrary<String> beginAtomic() {
		return innerStatements(Dialect.POSTGRESQL).map((body) -> "CREATE OR REPLACE FUNCTION f() RETURNS int\n"
				+ "LANGUAGE sql\nBEGIN ATOMIC\n  " + body + "\n  SELECT CASE WHEN true THEN 1 END;\nEND");
	}

	private static Arbitrary<String> doBlock() {
		return innerStatements(Dialect.POSTGRESQL).filter((body) -> !body.contains("$do$"))
			.map((body) -> "DO $do$\nBEGIN\n  " + body + "\nEND\n$do$");
	}

	private static Arbitrary<String> mysqlRoutine() {
		Arbitrary<String> inner = innerStatements(Dialect.MYSQL);
		Arbitrary<String> nested = Arbitraries.oneOf(inner,
				inner.map((body) -> "IF x THEN\n  " + body + "\nELSE BEGIN END;\nEND IF;"),
				inner.map((body) -> "lbl: WHILE x DO\n  " + body + "\nEND WHILE lbl;"),
				inner.map((body) -> "CASE x WHEN 1 THEN " + body + " ELSE BEGIN " + body + " END; END CASE;"),
				inner.map((body) -> "REPEAT " + body + " UNTIL x END REPEAT;"),
				inner.map((body) -> "BEGIN\n  " + body + "\nEND;"));
		Arbitrary<String> header = Arbitraries.of("CREATE PROCEDURE p(IN n INT)",
				"CREATE DEFINER = `root`@`%` FUNCTION f(x INT) RETURNS INT DETERMINISTIC",
				"CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW", "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO");
		return Combinators.combine(header, nested.list().ofMinSize(1).ofMaxSize(3))
			.as((head, body) -> head + "\nBEGIN\n  " + String.join("\n  ", body) + "\nEND");
	}

	private static Arbitrary<String> sqliteTrigger() {
		return innerStatements(Dialect.SQLITE).map((body) -> "CREATE TRIGGER tr AFTER INSERT ON t\nBEGIN\n  " + body
				+ "\n  SELECT CASE WHEN new.x THEN 1 END;\nEND");
	}

	static Arbitrary<String> separator(Dialect dialect) {
		String dialectComment = switch (dialect) {
			case MYSQL -> "\n# between; statements\n";
			case H2 -> "\n// between; statements\n";
			default -> "\n/* between /* nested */ ; */\n".replace("/* nested */ ",
					(dialect == Dialect.POSTGRESQL) ? "/* nested */ " : "");
		};
		return Arbitraries.of("\n", " ", "\n\n", "\t", "\n-- between; statements\n", "\n/* between; */\n",
				dialectComment, "");
	}

}
