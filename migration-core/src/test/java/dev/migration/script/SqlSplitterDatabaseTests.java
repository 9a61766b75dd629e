package dev.migration.script;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The databases themselves accept every statement the splitter cuts from realistic
 * scripts: bodies arrive whole, strings and comments intact.
 */
class SqlSplitterDatabaseTests {

	private static List<SqlStatement> run(TestDatabase database, String script) throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(script, database.dialect(), 1, "test.sql");
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (SqlStatement each : statements) {
				statement.execute(each.sql());
			}
		}
		return statements;
	}

	@Test
	void postgresqlRunsFunctionsTriggersDoBlocksAndAtomicBodies() throws SQLException {
		String script = """
				-- an audit trail kept by a trigger
				CREATE TABLE account (id INT PRIMARY KEY, name TEXT NOT NULL, note TEXT);
				CREATE TABLE audit_log (op TEXT, detail TEXT);

				CREATE OR REPLACE FUNCTION log_change() RETURNS trigger
				LANGUAGE plpgsql AS $body$
				BEGIN
				    -- record every change; one row each
				    INSERT INTO audit_log (op, detail)
				        VALUES (TG_OP, 'id=' || NEW.id || '; name=' || NEW.name); /* ; nested /* ; */ */
				    RETURN NEW;
				END;
				$body$;

				CREATE TRIGGER account_audit AFTER INSERT OR UPDATE ON account
				    FOR EACH ROW EXECUTE FUNCTION log_change();

				CREATE FUNCTION add_ints(a int, b int) RETURNS int
				LANGUAGE sql
				BEGIN ATOMIC
				    SELECT CASE WHEN a IS NULL THEN b ELSE a + b END;
				END;

				DO $$
				DECLARE
				    i int;
				BEGIN
				    FOR i IN 1..3 LOOP
				        INSERT INTO account (id, name, note) VALUES (i, 'user ' || i, E'it\\'s; "quoted"');
				    END LOOP;
				END
				$$;

				INSERT INTO "account" (id, name) VALUES (add_ints(2, 2), 'O''Brien; jr.');
				""";
		try (TestDatabase database = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			assertThat(run(database, script)).hasSize(7);
			assertThat(database.query("SELECT count(*) FROM audit_log")).containsExactly(List.of("4"));
			assertThat(database.query("SELECT note FROM account WHERE id = 1"))
				.containsExactly(List.of("it's; \"quoted\""));
			assertThat(database.query("SELECT detail FROM audit_log WHERE detail LIKE 'id=4%'"))
				.containsExactly(List.of("id=4; name=O'Brien; jr."));
		}
	}

	@Test
	void mariadbRunsRoutineBodiesWithoutDelimiterLines() throws SQLException {
		String script = "CREATE TABLE t (i INT, v VARCHAR(100));\n" + SqlSplitterMysqlTests.PROCEDURE + ";\n"
				+ "CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC\nBEGIN\n  DECLARE y INT;\n"
				+ "  SET y = x * 2; -- doubled; really\n  RETURN y;\nEND;\n"
				+ "CREATE TRIGGER t_bu BEFORE UPDATE ON t FOR EACH ROW BEGIN\n  IF NEW.v IS NULL THEN\n"
				+ "    SET NEW.v = 'none';\n  END IF;\nEND;\n"
				+ "# fill it; then check\nCALL fill(7);\nUPDATE t SET v = NULL WHERE i = twice(2);\n";
		try (TestDatabase database = TestDatabase.create(DatabaseKind.MARIADB)) {
			assertThat(run(database, script)).hasSize(6);
			assertThat(database.query("SELECT i, v FROM t ORDER BY i")).containsExactly(
					List.of("0", "even; \"quoted\""), List.of("2", "even; \"quoted\""), List.of("3", "small"),
					List.of("4", "none"), List.of("6", "even; \"quoted\""));
		}
	}

	@Test
	void mariadbRunsRoutineBodiesBetweenDelimiterLines() throws SQLException {
		String script = "CREATE TABLE t (i INT, v VARCHAR(100));\nDELIMITER $$\n" + SqlSplitterMysqlTests.PROCEDURE
				+ "$$\nCREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW\nBEGIN\n  SET NEW.v = 'x;y';\nEND $$\n"
				+ "DELIMITER ;\nCALL fill(3);\n";
		try (TestDatabase database = TestDatabase.create(DatabaseKind.MARIADB)) {
			assertThat(run(database, script)).hasSize(4);
			assertThat(database.query("SELECT i, v FROM t ORDER BY i")).containsExactly(List.of("0", "x;y"),
					List.of("2", "x;y"));
		}
	}

	@Test
	void sqliteRunsTriggerBodies() throws SQLException {
		String script = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, changed INT DEFAULT 0);\n"
				+ "CREATE TABLE audit (v TEXT);\n" + SqlSplitterSqliteH2Tests.SQLITE_TRIGGER + ";\n"
				+ "INSERT INTO [t] (id, v) VALUES (1, 'a');\nUPDATE `t` SET v = 'b;c' WHERE id = 1;\n";
		try (TestDatabase database = TestDatabase.create(DatabaseKind.SQLITE)) {
			assertThat(run(database, script)).hasSize(5);
			assertThat(database.query("SELECT v FROM audit")).containsExactly(List.of("b;c"));
			assertThat(database.query("SELECT changed FROM t")).containsExactly(List.of("1"));
		}
	}

	@Test
	void h2RunsQuotedNamesCommentsAndDollarQuotedSource() throws SQLException {
		String script = """
				// H2 takes C++ style comments too; even with semicolons
				CREATE TABLE "we;ird" (id INT, "na;me" VARCHAR(50));
				INSERT INTO "we;ird" VALUES (1, 'it''s; fine'); -- trailing; comment
				/* block; comment */
				CREATE ALIAS twice AS $$
				int twice(int x) {
				    return x * 2; // doubled; really
				}
				$$;
				INSERT INTO "we;ird" VALUES (twice(21), 'twice');
				""";
		try (TestDatabase database = TestDatabase.create(DatabaseKind.H2)) {
			assertThat(run(database, script)).hasSize(4);
			assertThat(database.query("SELECT id, \"na;me\" FROM \"we;ird\" ORDER BY id"))
				.containsExactly(List.of("1", "it's; fine"), List.of("42", "twice"));
		}
	}

}
