package dev.migration.lint;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.lint.StatementEffect.Kind;
import dev.migration.lint.StatementEffect.ObjectKind;
import dev.migration.lint.StatementEffect.Trace;
import dev.migration.sql.Dialect;

import static org.assertj.core.api.Assertions.assertThat;

/** What the resumption reads from a statement's text. */
class StatementEffectTests {

	@Test
	void dataChangesAndSessionSettingsAreToldApart() {
		assertThat(kind("INSERT INTO t VALUES (1)")).isEqualTo(Kind.DML);
		assertThat(kind("WITH x AS (SELECT 1) UPDATE t SET a = 1")).isEqualTo(Kind.DML);
		assertThat(kind("SET foreign_key_checks = 0")).isEqualTo(Kind.SESSION);
		assertThat(kind("TRUNCATE TABLE t")).isEqualTo(Kind.IDEMPOTENT);
	}

	@Test
	void guardedAndReplacingStatementsRunTwiceAlike() {
		assertThat(kind("CREATE TABLE IF NOT EXISTS t (id INT)")).isEqualTo(Kind.IDEMPOTENT);
		assertThat(kind("DROP VIEW IF EXISTS v")).isEqualTo(Kind.IDEMPOTENT);
		assertThat(kind("CREATE OR REPLACE VIEW v AS SELECT 1")).isEqualTo(Kind.IDEMPOTENT);
		assertThat(kind("ALTER TABLE t MODIFY COLUMN c BIGINT NOT NULL")).isEqualTo(Kind.IDEMPOTENT);
		assertThat(kind("ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT")).isEqualTo(Kind.IDEMPOTENT);
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

	@Test
	void whatLeavesNoCheckableTraceIsUnknown() {
		assertThat(kind("ALTER TABLE t COMMENT = 'x'")).isEqualTo(Kind.UNKNOWN);
		assertThat(kind("ALTER TABLE t ADD INDEX (c)")).isEqualTo(Kind.UNKNOWN);
		assertThat(kind("ALTER TABLE t ADD FOREIGN KEY (p) REFERENCES p (id)")).isEqualTo(Kind.UNKNOWN);
		assertThat(kind("CREATE TEMPORARY TABLE t (id INT)")).isEqualTo(Kind.UNKNOWN);
		assertThat(kind("RENAME TABLE a TO b, b TO c")).isEqualTo(Kind.UNKNOWN);
		assertThat(kind("GRANT SELECT ON t TO u")).isEqualTo(Kind.UNKNOWN);
	}

	private static Kind kind(String sql) {
		return StatementEffect.of(sql, Dialect.MYSQL).kind();
	}

	private static List<Trace> traces(String sql) {
		StatementEffect effect = StatementEffect.of(sql, Dialect.MYSQL);
		assertThat(effect.kind()).as(sql).isEqualTo(Kind.TRACED);
		return effect.traces();
	}

}
