package dev.migration.sample;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.MigrationConfig;
import dev.migration.graph.RevisionGraph;
import dev.migration.lint.LintConfig;
import dev.migration.lint.LintFinding;
import dev.migration.lint.LintReport;
import dev.migration.lint.Linter;
import dev.migration.command.Migrator;
import dev.migration.sample.migration.BackfillSlugAndWordCount;
import dev.migration.sql.Dialect;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's revisions lint clean for every database it runs on: no finding reaches the
 * default fail-on (warning). What remains on PostgreSQL are type preferences (info): the
 * sample keeps TIMESTAMP and INTEGER so that one script serves H2, MariaDB and
 * PostgreSQL, and its applied scripts cannot gain suppression comments without changing
 * their checksums.
 */
class SampleLintTests {

	private static RevisionGraph graph() {
		return new Migrator(
				MigrationConfig.builder().migrations(List.of(new BackfillSlugAndWordCount(new NoteText()))).build())
			.graph();
	}

	@ParameterizedTest
	@EnumSource(value = Dialect.class, names = { "POSTGRESQL", "MYSQL", "H2" })
	void sampleRevisionsLintClean(Dialect dialect) {
		LintReport report = new Linter(LintConfig.defaults(), dialect).lint(graph(), null);
		assertThat(report.fails()).as(report.findings().toString()).isFalse();
		assertThat(report.revisions()).isEqualTo(7);
		assertThat(report.skipped()).containsExactly("f3d5e7a9b168");
		if (dialect == Dialect.POSTGRESQL) {
			assertThat(report.findings())
				.extracting((LintFinding finding) -> finding.revision() + " " + finding.rule().id())
				.containsExactlyInAnyOrder("1f3a5c7e9b20 prefer-timestamp-tz", "a2f4c6e8b035 prefer-timestamp-tz",
						"e8c0a2b4d657 prefer-bigint-over-int");
		}
		else {
			assertThat(report.findings()).isEmpty();
		}
	}

}
