package dev.migration.lint;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule against its fixtures: the violation is flagged, the safe rewrite is not, and
 * the same statement on a table created earlier in the same revision is flagged only by
 * rules that are not about locks.
 */
class LintRuleTests {

	static List<LintRuleFixture> fixtures() {
		return LintRuleFixture.all();
	}

	/** Every rule on, so that the off-by-default ones are tested too. */
	static LintConfig allRules() {
		Map<String, String> rules = new HashMap<>();
		for (LintRule rule : LintRule.values()) {
			rules.put(rule.id(), "on");
		}
		return LintConfig.of(rules, "warning", null);
	}

	private static List<LintFinding> lint(LintRuleFixture fixture, String upgrade, boolean transactional) {
		Scripts scripts = Scripts.graph().revision(fixture.setup()).revision(upgrade, transactional);
		LintReport report = new Linter(allRules(), fixture.dialect()).lint(scripts.build(), null);
		return report.findingsOf("r2").stream().filter((finding) -> finding.rule() == fixture.rule()).toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void violationIsFlagged(LintRuleFixture fixture) {
		List<LintFinding> findings = lint(fixture, fixture.violation(), fixture.violationTransactional());
		assertThat(findings).isNotEmpty();
		assertThat(findings.get(0).location()).isEqualTo("db/migration/r2.sql");
		assertThat(findings.get(0).fix()).isEqualTo(fixture.rule().fix());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void safeRewriteIsNotFlagged(LintRuleFixture fixture) {
		assertThat(lint(fixture, fixture.safe(), fixture.safeTransactional())).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtures")
	void sameStatementOnATableCreatedInTheSameRevision(LintRuleFixture fixture) {
		Scripts scripts = Scripts.graph()
			.revision(fixture.setup() + ";\n" + fixture.violation(), fixture.violationTransactional());
		LintReport report = new Linter(allRules(), fixture.dialect()).lint(scripts.build(), null);
		List<LintFinding> findings = report.findings()
			.stream()
			.filter((finding) -> finding.rule() == fixture.rule())
			.toList();
		if (fixture.flaggedOnFreshTable()) {
			assertThat(findings).isNotEmpty();
		}
		else {
			assertThat(findings).isEmpty();
		}
	}

	@Test
	void everyRuleHasFixtures() {
		Set<LintRule> covered = fixtures().stream().map(LintRuleFixture::rule).collect(Collectors.toSet());
		assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).isEmpty();
	}

}
