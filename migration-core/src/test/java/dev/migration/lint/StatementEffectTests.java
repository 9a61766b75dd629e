package dev.migration.lint;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.lint.StatementEffect.Kind;
import dev.migration.lint.StatementEffect.ObjectKind;
import dev.migration.lint.StatementEffect.Trace;
import dev.migration.sql.Dialect;

import static org.assertj.core.api.Assertions.assertThat;

/** What the resumption reads from a statement's text. */
class StatementEffectTests {

	/** Statements and the kind the resumption reads from each. */
	static Stream<Arguments> kinds() {
		return Stream.of(
				// data changes and session settings are told apart
				Arguments.of("INSERT INTO t VALUES (1)", Kind.DML),
				Arguments.of("WITH x AS (SELECT 1) UPDATE t SET a = 1", Kind.DML),
				Arguments.of("SET foreign_key_checks = 0", Kind.SESSION),
				Arguments.of("TRUNCATE TABLE t", Kind.IDEMPOTENT),
				// guarded and replacing statements run twice alike
				Arguments.of("CREATE TABLE IF NOT EXISTS t (id INT)", Kind.IDEMPOTENT),
				Arguments.of("DROP VIEW IF EXISTS v", Kind.IDEMPOTENT),
				Arguments.of("CREATE OR REPLACE VIEW v AS SELECT 1", Kind.IDEMPOTENT),
				Arguments.of("ALTER TABLE t MODIFY COLUMN c BIGINT NOT NULL", Kind.IDEMPOTENT),
				Arguments.of("ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT", Kind.IDEMPOTENT),
				// what leaves no checkable trace is unknown
				Arguments.of("ALTER TABLE t COMMENT = 'x'", Kind.UNKNOWN),
				Arguments.of("ALTER TABLE t ADD INDEX (c)", Kind.UNKNOWN),
				Arguments.of("ALTER TABLE t ADD FOREIGN KEY (p) REFERENCES p (id)", Kind.UNKNOWN),
				Arguments.of("CREATE TEMPORARY TABLE t (id INT)", Kind.UNKNOWN),
				Arguments.of("RENAME TABLE a TO b, b TO c", Kind.UNKNOWN),
				Arguments.of("GRANT SELECT ON t TO u", Kind.UNKNOWN));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void kinds(String sql, Kind kind) {
		assertThat(kind(sql)).isEqualTo(kind);
	}

	@Test
	void ddlNamesWhatItLeavesWithItsSchema() {
		assertThat(traces("CREATE TABLE app.users (id INT)"))
			.containsExactly(new Trace(ObjectKind.TABLE, "app", null, "users", true));
		assertThat(traces("CREATE DEFINER=`root`@`%` SQL SECURITY INVOKER VIEW v AS SELECT 1"))
			.containsExactly(new Trace(ObjectKind.VIEW, null, null, "v", true));
		assertThat(traces("CREATE UNIQUE INDEX i ON s.t (a)"))
			.containsExactly(new Trace(ObjectKind.INDEX, "s", "t", "i", true));
		assertThat(traces("RENAME TABLE a TO b")).containsExactly(new Trace(ObjectKind.TABLE, null, null, "a", false),
				new Trace(ObjectKind.TABLE, null, null, "b", true));
		assertThat(traces("ALTER TABLE t ADD COLUMN c INT, DROP FOREIGN KEY fk, ADD CONSTRAINT pk PRIMARY KEY (id)"))
			.containsExactly(new Trace(ObjectKind.COLUMN, null, "t", "c", true),
					new Trace(ObjectKind.CONSTRAINT, null, "t", "fk", false),
					new Trace(ObjectKind.PRIMARY_KEY, null, "t", null, true));
		assertThat(traces("ALTER TABLE t CHANGE COLUMN a b INT")).containsExactly(
				new Trace(ObjectKind.COLUMN, null, "t", "a", false),
				new Trace(ObjectKind.COLUMN, null, "t", "b", true));
	}

	private static Kind kind(String sql) {
		return StatementEffect.of(sql, Dialect.MYSQL).kind();
	}

	private static List<Trace> traces(String sql) {
		StatementEffect effect = StatementEffect.of(sql, Dialect.MYSQL);
		assertThat(effect.kind()).as(sql).isEqualTo(Kind.TRACED);
		return effect.traces();
	}

	@Test
	void mariadbCommitsBeforeDdlButNotBeforeTemporaryTablesOrDataChanges() {
		for (String sql : List.of("CREATE TABLE t (id INT)", "create or replace view v as select 1",
				"CREATE UNIQUE INDEX ix ON t (a)",
				"CREATE DEFINER=`u`@`%` TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW SET @a = 1",
				"-- note\nALTER TABLE t ADD COLUMN c INT", "DROP TABLE t", "DROP INDEX ix ON t", "RENAME TABLE a TO b",
				"TRUNCATE TABLE t", "CREATE FUNCTION f() RETURNS INT RETURN 1")) {
			assertThat(StatementEffect.commitsImplicitly(sql, Dialect.MYSQL)).as(sql).isTrue();
		}
		for (String sql : List.of("CREATE TEMPORARY TABLE t (id INT)", "DROP TEMPORARY TABLE t",
				"CREATE /*!32312 TEMPORARY */ TABLE t (id INT)", "/*!40101 CREATE TABLE t (id INT) */",
				"INSERT INTO t VALUES (1)", "SET @a = 1", "CALL p()", "CREATE SEQUENCE s", "ALTER SEQUENCE s RESTART",
				"CREAT TABLE t (id INT)")) {
			assertThat(StatementEffect.commitsImplicitly(sql, Dialect.MYSQL)).as(sql).isFalse();
		}
		assertThat(StatementEffect.commitsImplicitly("CREATE TABLE t (id INT)", Dialect.H2)).isFalse();
		assertThat(StatementEffect.commitsImplicitly("CREATE TABLE t (id INT)", Dialect.POSTGRESQL)).isFalse();
	}

}
