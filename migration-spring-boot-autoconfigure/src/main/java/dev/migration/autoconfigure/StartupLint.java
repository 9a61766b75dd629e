package dev.migration.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.core.metrics.StartupStep;

import dev.migration.HistoryEntry;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.command.Migrator;
import dev.migration.graph.MigrationPlan;
import dev.migration.lint.LintConfig;
import dev.migration.lint.LintFailedException;
import dev.migration.lint.LintFinding;
import dev.migration.lint.LintReport;
import dev.migration.lint.Linter;
import dev.migration.sql.Dialect;

/**
 * {@code migration.lint.on-startup}: lints the revisions an upgrade is about to apply,
 * once the run has read the database state and planned them, before the first runs (a
 * {@link MigrationListener} of the startup run only). No state is read for it, and with
 * nothing pending the linter is never reached. What those revisions create is fresh (this
 * database has none of it), so only statements on tables that already hold data are
 * flagged.
 */
final class StartupLint {

	private static final Logger log = LoggerFactory.getLogger(StartupLint.class);

	private final MigrationLintProperties.OnStartup mode;

	private final LintConfig config;

	/**
	 * The startup lint, or {@code null} when it is off or nothing runs at startup: the
	 * start then loads none of the linter's classes.
	 * @param properties the settings
	 * @return the lint, or {@code null}
	 */
	static @Nullable StartupLint of(MigrationProperties properties) {
		if (properties.getOnStartup() == MigrationProperties.OnStartup.NONE
				|| properties.getLint().getOnStartup() == MigrationLintProperties.OnStartup.OFF) {
			return null;
		}
		return new StartupLint(properties);
	}

	private StartupLint(MigrationProperties properties) {
		this.mode = properties.getLint().getOnStartup();
		this.config = properties.getLint().toLintConfig();
	}

	/**
	 * The migrator the startup strategy runs: the given one, told of its upgrade plans.
	 * @param migrator the application's migrator
	 * @param startup where the lint is recorded as the step
	 * {@value MigrationInitializer#LINT_STEP}
	 * @return the migrator that lints what it is about to apply
	 */
	Migrator linting(Migrator migrator, ApplicationStartup startup) {
		return migrator.withListener(new MigrationListener() {

			@Override
			public void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step) {
			}

			@Override
			public void planned(String command, MigrationPlan plan, Dialect dialect) {
				if (plan.direction() == HistoryEntry.Direction.UPGRADE) {
					StartupStep step = startup.start(MigrationInitializer.LINT_STEP);
					try {
						check(migrator, plan, dialect);
					}
					finally {
						step.end();
					}
				}
			}

		});
	}

	private void check(Migrator migrator, MigrationPlan plan, Dialect dialect) {
		List<String> pending = plan.steps().stream().map((step) -> step.revision().id()).toList();
		LintReport report = new Linter(this.config, dialect).lint(migrator.graph(), pending, pending);
		for (LintFinding finding : report.findings()) {
			log.warn("{}: lint: {}", finding.revision(), finding);
		}
		if (this.mode == MigrationLintProperties.OnStartup.FAIL && report.fails()) {
			throw new LintFailedException(report);
		}
	}

}
