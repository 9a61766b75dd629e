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

class SqlSplitterMysqlTests {

	private static final Dialect MYSQL = Dialect.MYSQL;

	static final String PROCEDURE = """
			CREATE PROCEDURE fill(IN n INT)
			BEGIN
			  DECLARE i INT DEFAULT 0; -- counter; starts at 0
			  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION
			  BEGIN
			    ROLLBACK;
			  END;
			  outer_loop: WHILE i < n DO
			    IF i % 2 = 0 THEN
			      INSERT INTO t VALUES (i, 'even; "quoted"');
			    ELSEIF i % 3 = 0 THEN
			      INSERT INTO t VALUES (i, CASE WHEN i > 3 THEN 'big' ELSE 'small' END);
			    ELSE
			      CASE i WHEN 1 THEN SET i = i + 0; ELSE BEGIN END; END CASE;
			    END IF;
			    REPEAT SET i = i + 1; UNTIL TRUE END REPEAT;
			  END WHILE outer_loop;
			  lbl: LOOP LEAVE lbl; END LOOP lbl;
			END""";

	/** Scripts and the statements they split into, each named as the case it checks. */
	static Stream<Arguments> splits() {
		return Stream.of(
				Arguments.of("splitsOnSemicolons", "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);",
						List.of("CREATE TABLE a (id INT)", "INSERT INTO a VALUES (1)")),
				Arguments.of("ignoresSemicolonsInBacktickIdentifiers", "CREATE TABLE `we;ird``x` (id INT);SELECT 2",
						List.of("CREATE TABLE `we;ird``x` (id INT)", "SELECT 2")),
				Arguments.of("treatsHashAndDashDashSpaceAsComments",
						"SELECT 1 # one; comment\n;\n-- two; comment\nSELECT 2 --\t; tab\n;",
						List.of("SELECT 1 # one; comment", "SELECT 2 --\t; tab")),
				Arguments.of("dashDashWithoutSpaceIsNotAComment", "SELECT 1--1;SELECT 2",
						List.of("SELECT 1--1", "SELECT 2")),
				Arguments.of("keepsExecutableCommentsAsStatements",
						"/*!40101 SET NAMES utf8mb4 */;\n/* plain; comment */;\nSELECT 1",
						List.of("/*!40101 SET NAMES utf8mb4 */", "SELECT 1")),
				Arguments.of("aCustomDelimiterMakesSemicolonsOrdinary",
						"DELIMITER //\nSELECT 1; SELECT 2//\nSELECT 3 //", List.of("SELECT 1; SELECT 2", "SELECT 3")),
				Arguments.of("keepsProcedureBodiesWholeWithoutDelimiterLines", PROCEDURE + ";\nCALL fill(3);",
						List.of(PROCEDURE, "CALL fill(3)")),
				Arguments.of("routinesWithoutBodiesEndAtTheirSemicolon",
						"CREATE FUNCTION one() RETURNS INT RETURN 1;\nCREATE TRIGGER t_bi BEFORE INSERT ON t "
								+ "FOR EACH ROW SET NEW.v = CASE WHEN NEW.v IS NULL THEN 'x' END;\nSELECT 1",
						List.of("CREATE FUNCTION one() RETURNS INT RETURN 1",
								"CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.v = CASE WHEN NEW.v IS NULL THEN 'x' END",
								"SELECT 1")),
				Arguments.of("aColumnNamedLikeARoutineKindDoesNotStartABody",
						"CREATE TABLE t (`function` INT, begin INT);\nSELECT begin FROM t;",
						List.of("CREATE TABLE t (`function` INT, begin INT)", "SELECT begin FROM t")),
				Arguments.of("aTransactionBeginIsNotABlock", "BEGIN;\nSELECT 1;\nCOMMIT;",
						List.of("BEGIN", "SELECT 1", "COMMIT")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void splits(String name, String script, List<String> statements) {
		assertThat(sqls(script, MYSQL)).containsExactlyElementsOf(statements);
	}

	@Test
	void honoursBackslashEscapesAndDoubledQuotesInBothStringStyles() {
		assertThat(
				sqls("INSERT INTO t VALUES ('it\\'s; ok', 'a''b;', \"say \\\"hi;\\\"\", \"x\"\"y;\");SELECT 2", MYSQL))
			.containsExactly("INSERT INTO t VALUES ('it\\'s; ok', 'a''b;', \"say \\\"hi;\\\"\", \"x\"\"y;\")",
					"SELECT 2");
	}

	@Test
	void switchesTheDelimiterWithDelimiterLines() {
		String script = "DELIMITER $$\n" + PROCEDURE + "$$\nCREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW\n"
				+ "BEGIN\n  SET NEW.v = 'x;y';\nEND $$\ndelimiter ;\nCALL fill(3);";
		assertThat(sqls(script, MYSQL)).containsExactly(PROCEDURE,
				"CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.v = 'x;y';\nEND",
				"CALL fill(3)");
	}

	@Test
	void keepsFunctionTriggerAndEventBodiesWholeWithoutDelimiterLines() {
		String function = "CREATE DEFINER = `root`@`localhost` FUNCTION twice(x INT) RETURNS INT DETERMINISTIC\n"
				+ "BEGIN\n  DECLARE y INT;\n  SET y = x * 2;\n  RETURN y;\nEND";
		String trigger = "CREATE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW BEGIN\n  IF NEW.v IS NULL THEN\n"
				+ "    SET NEW.v = 'none';\n  END IF;\nEND";
		String event = "CREATE EVENT purge ON SCHEDULE EVERY 1 DAY DO BEGIN\n  DELETE FROM t WHERE v = 'old';\nEND";
		assertThat(sqls(function + ";\n" + trigger + ";\n" + event + ";\nSELECT twice(2);", MYSQL))
			.containsExactly(function, trigger, event, "SELECT twice(2)");
	}

	@Test
	void aTableNamedLikeARoutineKindDoesNotStartABody() {
		assertThat(
				sqls("CREATE TABLE event (id INT, begin DATETIME);\nCREATE VIEW trigger_v AS SELECT begin FROM event;",
						MYSQL))
			.containsExactly("CREATE TABLE event (id INT, begin DATETIME)",
					"CREATE VIEW trigger_v AS SELECT begin FROM event");
	}

	@Test
	void keepsMariadbAnonymousBlocksWhole() {
		String block = "BEGIN NOT ATOMIC\n  DECLARE x INT DEFAULT 1;\n  SELECT x;\nEND";
		assertThat(sqls(block + ";\nSELECT 2;", MYSQL)).containsExactly(block, "SELECT 2");
	}

	@Test
	void rejectsAnEmptyDelimiter() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("SELECT 1;\nDELIMITER   \nSELECT 2;", MYSQL))
			.withMessage("db/migration/ab12_x.sql:2: DELIMITER needs a delimiter; write e.g. DELIMITER $$ (and "
					+ "DELIMITER ; to switch back)");
	}

	@Test
	void rejectsADelimiterWithAQuote() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("DELIMITER '$$'\nSELECT 1", MYSQL))
			.withMessage("db/migration/ab12_x.sql:1: DELIMITER ''$$'' must not contain quotes, backslashes or "
					+ "spaces; use e.g. DELIMITER $$ or DELIMITER //");
	}

	@Test
	void rejectsADelimiterWithABackslash() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("DELIMITER \\g\nSELECT 1", MYSQL))
			.withMessage("db/migration/ab12_x.sql:1: DELIMITER '\\g' must not contain quotes, backslashes or "
					+ "spaces; use e.g. DELIMITER $$ or DELIMITER //");
	}

	@Test
	void rejectsADelimiterLineInsideAStatement() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("SELECT 1\nDELIMITER $$\nSELECT 2$$", MYSQL))
			.withMessage("db/migration/ab12_x.sql:2: DELIMITER inside an unfinished statement (started on line 1); "
					+ "end that statement with ; first");
	}

	@Test
	void rejectsUnterminatedStrings() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("SELECT 'a\\';", MYSQL))
			.withMessage("db/migration/ab12_x.sql:1: unterminated string literal opened here; close it with ' "
					+ "(write '' or \\' for a quote inside it)");
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("SELECT \"a;", MYSQL))
			.withMessage("db/migration/ab12_x.sql:1: unterminated string literal opened here; close it with \" "
					+ "(write \"\" or \\\" for a quote inside it)");
	}

	@Test
	void rejectsUnterminatedBacktickIdentifiers() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("SELECT `a;", MYSQL))
			.withMessage("db/migration/ab12_x.sql:1: unterminated quoted identifier opened here; close it with ` "
					+ "(write `` for a backtick inside it)");
	}

	@Test
	void rejectsUnterminatedBlockComments() {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> sqls("SELECT 1;\n/*!50001 x", MYSQL))
			.withMessage("db/migration/ab12_x.sql:2: unterminated block comment opened here; close it with */");
	}

	@Test
	void rejectsAnUnclosedRoutineBody() {
		assertThatExceptionOfType(ScriptParseException.class)
			.isThrownBy(() -> sqls("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  IF 1 THEN SELECT 2; END IF;\n", MYSQL))
			.withMessage("db/migration/ab12_x.sql:2: BEGIN ... END block opened here is never closed; add the "
					+ "missing END (or END IF / END CASE / END LOOP / END WHILE / END REPEAT)");
	}

}
