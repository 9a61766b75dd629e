package dev.migration.benchmarks;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migration.benchmarks.Results.Case;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Smoke test: the harness runs end to end on H2 with N=10 and every contender succeeds.
 * No timing is asserted.
 */
class BenchmarkHarnessTests {

	@Test
	void harnessMeasuresEveryContenderOnH2(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("results.md");
		HarnessOptions options = HarnessOptions.parse(new String[] { "--db", "h2", "--n", "10", "--rounds", "1",
				"--warmup", "0", "--startup-runs", "0", "--no-jmh", "--no-memory-check", "--contenders",
				String.join(",", HarnessOptions.KNOWN_CONTENDERS), "--out", out.toString() }, dir);
		BenchmarkHarness harness = new BenchmarkHarness(options);

		String report = harness.run();

		for (String contender : HarnessOptions.KNOWN_CONTENDERS) {
			for (Case benchCase : new Case[] { Case.APPLY, Case.UP_TO_DATE, Case.VALIDATE, Case.GRAPH }) {
				Results.Series series = harness.results().find(benchCase, 10, contender);
				assertThat(series).as(contender + " " + benchCase).isNotNull();
				assertThat(series.error()).as(contender + " " + benchCase).isNull();
				assertThat(series.runs()).as(contender + " " + benchCase).isEqualTo(1);
			}
		}
		assertThat(harness.results().find(Case.GRAPH_BRANCHED, 10, EngineContender.NAME).runs()).isEqualTo(1);
		assertThat(report).contains("| apply all from empty | 10 |").doesNotContain("Failures:");
		assertThat(out).content().contains("| apply all from empty | 10 |");
	}

	@Test
	void unknownContenderIsNamedWithEveryKnownOne(@TempDir Path dir) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HarnessOptions.parse(new String[] { "--contenders", "floor,flor-progress" }, dir))
			.withMessage("Unknown contender 'flor-progress'; use floor, floor-progress, us, flyway, liquibase");
	}

	@Test
	void scriptSetWritesTheSameStatementsInThreeFormats() {
		ScriptSet scripts = ScriptSet.branched(12, 10);
		try {
			ScriptSet.Rev merge = scripts.revisions().get(11);
			assertThat(merge.revises()).hasSize(10);
			assertThat(scripts.ours().toFile().list()).hasSize(12);
			assertThat(scripts.flyway().resolve("V12__create_t_00012.sql")).content()
				.isEqualTo(merge.body())
				.contains("CREATE TABLE t_00012");
			assertThat(scripts.liquibase().resolve(ScriptSet.LIQUIBASE_CHANGELOG)).content()
				.contains("--changeset bench:12\n" + merge.body());
		}
		finally {
			scripts.delete();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb" })
	void realisticCorpusRunsForEveryContenderWithTheSameResult(String db, @TempDir Path dir) throws Exception {
		// 30 revisions: every kind three times (functions, triggers, CONCURRENTLY, views,
		// mixed DDL/DML, blocks)
		HarnessOptions options = HarnessOptions
			.parse(new String[] { "--db", db, "--n", "none", "--realistic", "30", "--rounds", "1", "--warmup", "0",
					"--startup-runs", "0", "--no-jmh", "--no-memory-check", "--contenders",
					String.join(",", HarnessOptions.KNOWN_CONTENDERS), "--out", dir.resolve("results.md").toString() },
					dir);
		BenchmarkHarness harness = new BenchmarkHarness(options);

		String report = harness.run();

		for (String contender : HarnessOptions.KNOWN_CONTENDERS) {
			for (Case benchCase : new Case[] { Case.REAL_APPLY, Case.REAL_UP_TO_DATE, Case.REAL_VALIDATE }) {
				Results.Series series = harness.results().find(benchCase, 30, contender);
				assertThat(series).as(contender + " " + benchCase).isNotNull();
				assertThat(series.error()).as(contender + " " + benchCase).isNull();
				assertThat(series.runs()).as(contender + " " + benchCase).isEqualTo(1);
			}
		}
		assertThat(report).contains("| realistic corpus: apply all from empty | 30 |").doesNotContain("Failures:");
	}

	@Test
	void realisticCorpusHoldsEveryKindOfRevision() {
		ScriptSet scripts = ScriptSet.realistic(300, BenchDatabase.DbKind.POSTGRESQL);
		try {
			assertThat(scripts.size()).isEqualTo(300);
			assertThat(scripts.revisions()).filteredOn((rev) -> !rev.transactional())
				.hasSize(30)
				.allSatisfy((rev) -> assertThat(rev.script()).contains("-- transactional: false")
					.contains("CREATE INDEX CONCURRENTLY"));
			String all = String.join("\n", scripts.revisions().stream().map(ScriptSet.Rev::body).toList());
			assertThat(all).contains("$$\nDECLARE", "$body$", "CREATE TRIGGER", "CREATE OR REPLACE VIEW", "DO $$",
					"generate_series", "ALTER TABLE");
			assertThat(scripts.liquibase().resolve(ScriptSet.LIQUIBASE_CHANGELOG)).content()
				.contains("runInTransaction:false endDelimiter:/");
		}
		finally {
			scripts.delete();
		}
		ScriptSet maria = ScriptSet.realistic(30, BenchDatabase.DbKind.MARIADB);
		try {
			String all = String.join("\n", maria.revisions().stream().map(ScriptSet.Rev::body).toList());
			assertThat(all).contains("DELIMITER //", "CREATE FUNCTION", "CREATE TRIGGER", "LOCK=NONE")
				.doesNotContain("CONCURRENTLY");
		}
		finally {
			maria.delete();
		}
	}

}
