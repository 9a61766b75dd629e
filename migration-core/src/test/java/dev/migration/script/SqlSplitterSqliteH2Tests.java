package dev.migration.script;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;

import static dev.migration.script.SplitAssertions.sqls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlSplitterSqliteH2Tests {

	static final String SQLITE_TRIGGER = """
			CREATE TRIGGER IF NOT EXISTS t_audit AFTER UPDATE ON t
			WHEN new.v <> old.v
			BEGIN
			  -- keep both; values
			  INSERT INTO audit (v) VALUES (CASE WHEN new.v IS NULL THEN 'null;' ELSE new.v END);
			  UPDATE t SET changed = 1 WHERE id = new.id;
			END""";

	/** Scripts and the statements they split into, each named as the case it checks. */
	static Stream<Arguments> splits() {
		return Stream.of(
				Arguments.of("keepsSqliteTriggerBodiesWhole", Dialect.SQLITE,
						"CREATE TABLE audit (v TEXT);\n" + SQLITE_TRIGGER + ";\nSELECT 1;",
						List.of("CREATE TABLE audit (v TEXT)", SQLITE_TRIGGER, "SELECT 1")),
				Arguments.of("knowsAllFourSqliteQuoteStyles", Dialect.SQLITE,
						"SELECT 'a;''b', \"c;\"\"d\", `e;``f`, [g;h] FROM t;SELECT 2",
						List.of("SELECT 'a;''b', \"c;\"\"d\", `e;``f`, [g;h] FROM t", "SELECT 2")),
				Arguments.of("aBackslashIsOrdinaryInSqliteStrings", Dialect.SQLITE, "SELECT 'a\\';SELECT 2",
						List.of("SELECT 'a\\'", "SELECT 2")),
				Arguments.of("knowsH2CommentsAndQuotes", Dialect.H2,
						"// line; comment\nSELECT 'a;''b', \"c;\" -- x;\n/* y; */;SELECT 2",
						List.of("SELECT 'a;''b', \"c;\" -- x;\n/* y; */", "SELECT 2")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void splits(String name, Dialect dialect, String script, List<String> statements) {
		assertThat(sqls(script, dialect)).containsExactlyElementsOf(statements);
	}

	@Test
	void keepsTemporarySqliteTriggersWhole() {
		String trigger = "CREATE TEMP TRIGGER tt BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no; way'); END";
		assertThat(sqls(trigger + ";SELECT 2", Dialect.SQLITE)).containsExactly(trigger, "SELECT 2");
	}

	@Test
	void rejectsUnterminatedSqliteBrackets() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("SELECT [a;", Dialect.SQLITE))
			.withMessage("db/migration/ab12_x.sql:1: unterminated quoted identifier [ opened here; close it with ]");
	}

	@Test
	void keepsH2DollarQuotedSourceWhole() {
		String alias = "CREATE ALIAS twice AS $$\nint twice(int x) { return x * 2; } // doubles; really\n$$";
		assertThat(sqls(alias + ";\nCALL twice(2);", Dialect.H2)).containsExactly(alias, "CALL twice(2)");
	}

	@Test
	void rejectsUnterminatedH2DollarQuotes() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("SELECT 1;\nCREATE ALIAS x AS $$\nint x() { return 1; }", Dialect.H2))
			.withMessage("db/migration/ab12_x.sql:2: unterminated dollar-quoted string $$ opened here; close it "
					+ "with $$");
	}

	@Test
	void rejectsUnterminatedSqliteTriggerBodies() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("CREATE TRIGGER t AFTER INSERT ON x BEGIN\n  SELECT 1;", Dialect.SQLITE))
			.withMessage("db/migration/ab12_x.sql:1: BEGIN ... END block opened here is never closed; add the "
					+ "missing END");
	}

}
