package dev.migration.script;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;

import static dev.migration.script.SplitAssertions.FILE;
import static dev.migration.script.SplitAssertions.sqls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlSplitterPostgresqlTests {

	private static final Dialect PG = Dialect.POSTGRESQL;

	/** Scripts and the statements they split into, each named as the case it checks. */
	static Stream<Arguments> splits() {
		return Stream.of(
				Arguments.of("splitsOnSemicolonsAndDropsTheDelimiter",
						"CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1) ;\n",
						List.of("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)")),
				Arguments.of("keepsALastStatementWithoutDelimiter", "SELECT 1;\nSELECT 2\n",
						List.of("SELECT 1", "SELECT 2")),
				Arguments.of("dropsChunksOfOnlyWhitespaceAndComments",
						"SELECT 1;\n-- nothing\n/* at all */ ;\n;;\n-- trailing\n", List.of("SELECT 1")),
				Arguments.of("keepsCommentsInsideStatements", "SELECT 1 -- one; still a comment\n, 2 /* two; */ ;",
						List.of("SELECT 1 -- one; still a comment\n, 2 /* two; */")),
				Arguments.of("ignoresSemicolonsInStringsWithDoubledQuotes",
						"INSERT INTO t VALUES ('it''s; fine', 'a\\');SELECT 2",
						List.of("INSERT INTO t VALUES ('it''s; fine', 'a\\')", "SELECT 2")),
				Arguments.of("treatsBackslashAsEscapeOnlyInEStrings", "SELECT E'it\\'s; \\\\', e'x''y;';SELECT 2",
						List.of("SELECT E'it\\'s; \\\\', e'x''y;'", "SELECT 2")),
				Arguments.of("anIdentifierEndingInEIsNotAnEscapeString", "SELECT some'a\\';SELECT 2",
						List.of("SELECT some'a\\'", "SELECT 2")),
				Arguments.of("ignoresSemicolonsInQuotedIdentifiers", "CREATE TABLE \"we;ird\"\"x\" (id INT);SELECT 2",
						List.of("CREATE TABLE \"we;ird\"\"x\" (id INT)", "SELECT 2")),
				Arguments.of("aDollarAfterAnIdentifierIsNotATag", "SELECT a$b$ FROM t; SELECT 2",
						List.of("SELECT a$b$ FROM t", "SELECT 2")),
				Arguments.of("nestsBlockComments", "/* outer /* inner; */ still; comment */ SELECT 1; SELECT 2",
						List.of("SELECT 1", "SELECT 2")),
				Arguments.of("aTransactionBeginIsNotABody", "BEGIN;\nSELECT 1;\nEND;",
						List.of("BEGIN", "SELECT 1", "END")),
				Arguments.of("ignoresSemicolonsInsideParenthesesAsPsqlDoes",
						"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));"
								+ "SELECT 1",
						List.of("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))",
								"SELECT 1")),
				Arguments.of("acceptsCopyFromAServerFile", "COPY users FROM '/tmp/users.csv' WITH (FORMAT csv)",
						List.of("COPY users FROM '/tmp/users.csv' WITH (FORMAT csv)")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void splits(String name, String script, List<String> statements) {
		assertThat(sqls(script, PG)).containsExactlyElementsOf(statements);
	}

	@Test
	void numbersStatementsAndReportsTheLineWhereEachStarts() {
		List<SqlStatement> statements = SqlSplitter.split("\n-- first\nSELECT 1;\n\n  SELECT\n 2;", PG, 10, FILE);
		assertThat(statements).containsExactly(new SqlStatement("SELECT 1", 1, 12),
				new SqlStatement("SELECT\n 2", 2, 14));
	}

	@Test
	void keepsDollarQuotedFunctionBodiesWithCommentsAndSemicolonsWhole() {
		String function = """
				CREATE OR REPLACE FUNCTION audit() RETURNS trigger
				LANGUAGE plpgsql AS $$
				BEGIN
				    -- record the change; never skip it
				    INSERT INTO audit_log (op) VALUES (TG_OP); /* one row; per change */
				    RETURN NEW;
				END;
				$$""";
		assertThat(sqls(function + ";\nSELECT 1;", PG)).containsExactly(function, "SELECT 1");
	}

	@Test
	void keepsTaggedDollarQuotesWithInnerDollarQuotesWhole() {
		String function = """
				CREATE FUNCTION f(a int) RETURNS text AS $body$
				DECLARE
				  q text := $q$it's; $$ not the end$q$;
				BEGIN
				  RETURN q || $1;
				END
				$body$ LANGUAGE plpgsql""";
		assertThat(sqls(function + ";SELECT $1, $2;", PG)).containsExactly(function, "SELECT $1, $2");
	}

	@Test
	void keepsDoBlocksWhole() {
		String block = """
				DO $do$
				BEGIN
				  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN
				    RAISE NOTICE 'no role; skipping';
				  END IF;
				END
				$do$""";
		assertThat(sqls("SET search_path TO x;\n" + block + ";\nSELECT 1", PG)).containsExactly("SET search_path TO x",
				block, "SELECT 1");
	}

	@Test
	void keepsTriggerDefinitionsSeparate() {
		assertThat(sqls("""
				CREATE TRIGGER t_audit AFTER INSERT ON t
				  FOR EACH ROW EXECUTE FUNCTION audit();
				DROP TRIGGER t_audit ON t;""", PG)).containsExactly(
				"CREATE TRIGGER t_audit AFTER INSERT ON t\n  FOR EACH ROW EXECUTE FUNCTION audit()",
				"DROP TRIGGER t_audit ON t");
	}

	@Test
	void keepsSqlStandardBeginAtomicBodiesWhole() {
		String function = """
				CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int
				LANGUAGE sql
				BEGIN ATOMIC
				  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;
				  SELECT a + b;
				END""";
		assertThat(sqls(function + ";\nSELECT 1;", PG)).containsExactly(function, "SELECT 1");
	}

	@Test
	void rejectsUnterminatedDollarQuotes() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(
					() -> SqlSplitter.split("SELECT 1;\nCREATE FUNCTION f() AS $body$\nBEGIN\n$bod$;", PG, 13, FILE))
			.withMessage("db/migration/ab12_x.sql:14: unterminated dollar-quoted string $body$ opened here; close it "
					+ "with $body$")
			.satisfies((ex) -> {
				assertThat(ex.getLocation()).isEqualTo(FILE);
				assertThat(ex.getLine()).isEqualTo(14);
			});
	}

	@Test
	void rejectsUnterminatedStrings() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("SELECT 1;\nSELECT 'it''s\n;", PG))
			.withMessage("db/migration/ab12_x.sql:2: unterminated string literal opened here; close it with ' "
					+ "(write '' for a quote inside it)");
	}

	@Test
	void rejectsUnterminatedEscapeStrings() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("SELECT E'a\\';", PG))
			.withMessage("db/migration/ab12_x.sql:1: unterminated escape string E' opened here; close it with ' "
					+ "(write \\' or '' for a quote inside it)");
	}

	@Test
	void rejectsUnterminatedQuotedIdentifiers() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("\n\nSELECT \"a;", PG))
			.withMessage("db/migration/ab12_x.sql:3: unterminated quoted identifier opened here; close it with \" "
					+ "(write \"\" for a quote inside it)");
	}

	@Test
	void rejectsUnterminatedNestedBlockComments() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("SELECT 1;\n/* outer\n/* inner */\nSELECT 2;", PG))
			.withMessage("db/migration/ab12_x.sql:2: unterminated block comment opened here; close it with */ "
					+ "(comments nest in PostgreSQL: every /* needs its own */)");
	}

	@Test
	void rejectsUnterminatedBeginAtomicBodies() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("CREATE PROCEDURE p()\nBEGIN ATOMIC\n  SELECT 1;\n", PG))
			.withMessage("db/migration/ab12_x.sql:2: BEGIN ... END block opened here is never closed; add the "
					+ "missing END");
	}

	@Test
	void rejectsPsqlMetaCommands() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("SELECT 1;\n  \\i other.sql\nSELECT 2;", PG))
			.withMessage("db/migration/ab12_x.sql:2: psql meta-command \\i is not supported: scripts run through "
					+ "JDBC, not psql; write plain SQL instead");
	}

	@Test
	void rejectsCopyFromStdin() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("SELECT 1;\nCOPY users (id, name) FROM stdin;\n1\tann\n\\.\n", PG))
			.withMessage("db/migration/ab12_x.sql:2: COPY ... FROM stdin is not supported: there is no psql to "
					+ "stream the data; use INSERT statements, or COPY from a file on the database server");
	}

	@Test
	void rejectsMysqlDelimiterLines() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("DELIMITER $$\nSELECT 1$$", PG))
			.withMessage("db/migration/ab12_x.sql:1: DELIMITER is a mysql client command that POSTGRESQL does not "
					+ "understand; remove the line (statements end with ; and bodies are kept whole)");
	}

}
