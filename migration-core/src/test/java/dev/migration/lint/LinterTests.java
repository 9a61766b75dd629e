package dev.migration.lint;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migration.InvalidConfigurationException;
import dev.migration.graph.RevisionGraph;
import dev.migration.sql.Dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The linter's behaviour beyond single rules: graph context, suppression, settings,
 * output.
 */
class LinterTests {

	private static final Linter POSTGRESQL = new Linter(LintConfig.defaults(), Dialect.POSTGRESQL);

	private static RevisionGraph threeRevisions() {
		return Scripts.graph()
			.revision("CREATE TABLE accounts (id bigint PRIMARY KEY, name text)")
			.revision("CREATE TABLE widgets (id bigint PRIMARY KEY, name text)")
			.revision("CREATE INDEX ix_widgets_name ON widgets (name)")
			.build();
	}

	@Test
	void tablesOfRevisionsAfterSinceAreFreshForLaterRevisions() {
		assertThat(POSTGRESQL.lint(threeRevisions(), "r1").findings()).isEmpty();
	}

	@Test
	void withoutSinceEachRevisionOnlyKnowsItsOwnTables() {
		LintReport report = POSTGRESQL.lint(threeRevisions(), null);
		assertThat(report.findings()).extracting(LintFinding::toString)
			.containsExactly("db/migration/r3.sql:1: warning [require-concurrent-index-creation] builds index "
					+ "'ix_widgets_name' on 'widgets' under a SHARE lock, which blocks every write to the table until "
					+ "the build ends. Fix: use CREATE INDEX CONCURRENTLY in a revision with '-- transactional: false'");
	}

	@Test
	void sinceLintsOnlyTheRevisionsAfterIt() {
		LintReport report = POSTGRESQL.lint(threeRevisions(), "r2");
		assertThat(report.revisions()).isEqualTo(1);
		assertThat(report.findings()).extracting(LintFinding::revision).containsExactly("r3");
	}

	@Test
	void suppressionNeedsAReason() {
		RevisionGraph graph = Scripts.graph()
			.revision("CREATE TABLE accounts (id bigint PRIMARY KEY, name text)")
			.revision("-- lint:ignore ban-drop-column\nALTER TABLE accounts DROP COLUMN name")
			.build();
		LintReport report = POSTGRESQL.lint(graph, null);
		assertThat(report.suppressed()).isEmpty();
		assertThat(report.findings()).extracting(LintFinding::message)
			.containsExactly("drops column 'accounts.name', which code still running during the deploy may read or "
					+ "write (the lint:ignore comment for it gives no reason, so it does not count)");
	}

	@Test
	void suppressionAppliesToTheNextStatementOnly() {
		RevisionGraph graph = Scripts.graph()
			.revision("CREATE TABLE accounts (id bigint PRIMARY KEY, name text, note text)")
			.revision("""
					-- lint:ignore ban-drop-column,renaming-column release 41 stopped using both
					ALTER TABLE accounts DROP COLUMN name;
					ALTER TABLE accounts DROP COLUMN note;
					""")
			.build();
		LintReport report = POSTGRESQL.lint(graph, null);
		assertThat(report.suppressed()).extracting(LintFinding::line, LintFinding::suppressedBecause)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "release 41 stopped using both"));
		assertThat(report.findings()).extracting(LintFinding::line).containsExactly(3);
	}

	@Test
	void rulesCanBeTurnedOffAndGivenASeverity() {
		LintConfig config = LintConfig
			.of(Map.of("require-concurrent-index-creation", "error", "prefer-timestamp-tz", "off"), "error", null);
		RevisionGraph graph = Scripts.graph()
			.revision("CREATE TABLE widgets (id bigint PRIMARY KEY, name text, seen timestamp)")
			.revision("CREATE INDEX ix_widgets_name ON widgets (name)")
			.build();
		LintReport report = new Linter(config, Dialect.POSTGRESQL).lint(graph, null);
		assertThat(report.findings()).extracting(LintFinding::rule, LintFinding::severity)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(LintRule.REQUIRE_CONCURRENT_INDEX_CREATION, Severity.ERROR));
		assertThat(report.fails()).isTrue();
	}

	@Test
	void findingsBelowFailOnDoNotFail() {
		RevisionGraph graph = Scripts.graph().revision("CREATE TABLE widgets (id int PRIMARY KEY)").build();
		LintReport report = POSTGRESQL.lint(graph, null);
		assertThat(report.highest()).isEqualTo(Severity.INFO);
		assertThat(report.fails()).isFalse();
	}

	@Test
	void unknownRuleInSettingsNamesTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> LintConfig.of(Map.of("ban-drop-colum", "off"), null, null))
			.withMessageStartingWith("Invalid configuration: 'migration.lint.rules.ban-drop-colum' names "
					+ "no lint rule; the rules are require-concurrent-index-creation, ");
	}

	@Test
	void badFailOnNamesTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> LintConfig.of(Map.of(), "warnings", null))
			.withMessage("Invalid configuration: 'migration.lint.fail-on' must be info, warning, error or "
					+ "none, but was 'warnings'");
	}

	@Test
	void addingAColumnInTheMiddleIsInstantOnMariadbButRebuildsOnOldMysql() {
		RevisionGraph graph = Scripts.graph()
			.revision("CREATE TABLE accounts (id BIGINT PRIMARY KEY, name VARCHAR(100))", false)
			.revision("ALTER TABLE accounts ADD COLUMN email VARCHAR(100) AFTER id", false)
			.build();
		assertThat(new Linter(LintConfig.defaults(), Dialect.MYSQL).lint(graph, null).findings()).isEmpty();
		LintReport mysql = new Linter(LintConfig.of(Map.of(), "warning", "mysql-8.0.20"), Dialect.MYSQL).lint(graph,
				null);
		assertThat(mysql.findings()).extracting(LintFinding::rule)
			.containsExactly(LintRule.MYSQL_MISSING_ALGORITHM_LOCK);
	}

	@Test
	void javaRevisionsAreListedAsSkipped() {
		RevisionGraph graph = RevisionGraph.of(java.util.List.of(dev.migration.Revision.of("java1")));
		LintReport report = POSTGRESQL.lint(graph, null);
		assertThat(report.skipped()).containsExactly("java1");
		assertThat(LintFormat.TEXT.render(report))
			.isEqualTo("Linted 0 revisions (0 statements): no findings; Java revisions not linted: java1.\n");
	}

	@Test
	void textReportListsFindingsWithTheirFixAndSaysWhyItFails() {
		LintReport report = POSTGRESQL.lint(threeRevisions(), null);
		assertThat(LintFormat.TEXT.render(report)).isEqualTo("""
				db/migration/r3.sql:1: warning [require-concurrent-index-creation] builds index 'ix_widgets_name' \
				on 'widgets' under a SHARE lock, which blocks every write to the table until the build ends
				    CREATE INDEX ix_widgets_name ON widgets (name)
				    fix: use CREATE INDEX CONCURRENTLY in a revision with '-- transactional: false'
				Linted 3 revisions (3 statements): 1 finding. Failing: findings at or above 'warning' \
				(migration.lint.fail-on); fix them or add '-- lint:ignore <rule> <reason>' before the statement.
				""");
	}

	@Test
	void jsonAndSarifReportsCarryRuleFileAndLine() {
		LintReport report = POSTGRESQL.lint(threeRevisions(), null);
		assertThat(LintFormat.JSON.render(report)).startsWith("{\"fails\":true,\"failOn\":\"warning\",\"revisions\":3,")
			.contains("{\"rule\":\"require-concurrent-index-creation\",\"severity\":\"warning\",\"revision\":\"r3\","
					+ "\"file\":\"db/migration/r3.sql\",\"line\":1,");
		assertThat(LintFormat.SARIF.render(report)).contains("\"version\":\"2.1.0\"")
			.contains("{\"ruleId\":\"require-concurrent-index-creation\",\"level\":\"warning\"")
			.contains("{\"artifactLocation\":{\"uri\":\"db/migration/r3.sql\"},\"region\":{\"startLine\":1}}");
	}

}
