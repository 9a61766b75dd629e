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
import dev.migration.lint.LintFailedException;
import dev.migration.lint.LintFinding;
import dev.migration.lint.LintReport;
import dev.migration.lint.Linter;
import dev.migration.sql.Dialect;

/**
 * {@code migration.lint.on-startup}: lints the revisions an upgrade is about to apply,
 * once the run has read the database state and planned them, before the first runs. It is
 * one of the migrator's listeners ({@link #listener()}), armed only while the startup
 * strategy runs ({@link MigrationInitializer}): no state is read for it, and with nothing
 * pending the linter is never reached. What those revisions create is fresh (this
 * database has none of it), so only statements on tables that already hold data are
 * flagged.
 */
final class StartupLint {

	private static final Logger log = LoggerFactory.getLogger(StartupLint.class);

	private final MigrationLintProperties.OnStartup mode;

	private final MigrationLintProperties properties;

	private volatile @Nullable Armed armed;

	/**
	 * The startup lint of these settings: off when {@code migration.lint.on-startup=off}
	 * or when nothing runs at startup ({@code migration.on-startup=none}); then it loads
	 * none of the linter's classes.
	 * @param properties the settings
	 */
	StartupLint(MigrationProperties properties) {
		this.mode = (properties.getOnStartup() == MigrationProperties.OnStartup.NONE)
				? MigrationLintProperties.OnStartup.OFF : properties.getLint().getOnStartup();
		this.properties = properties.getLint();
	}

	boolean enabled() {
		return this.mode != MigrationLintProperties.OnStartup.OFF;
	}

	/**
	 * The listener to register with the migrator; {@link MigrationListener#NONE} when
	 * off.
	 * @return the listener
	 */
	MigrationListener listener() {
		if (!enabled()) {
			return MigrationListener.NONE;
		}
		return new MigrationListener() {

			@Override
			public void stepCompleted(HistoryEntry.Direction direction, MigrationResult.Step step) {
			}

			@Override
			public void planned(String command, MigrationPlan plan, Dialect dialect) {
				Armed now = StartupLint.this.armed;
				if (now != null && plan.direction() == HistoryEntry.Direction.UPGRADE) {
					StartupStep step = now.startup().start(MigrationInitializer.LINT_STEP);
					try {
						check(now.migrator(), plan, dialect);
					}
					finally {
						step.end();
					}
				}
			}

		};
	}

	/**
	 * Lint what the startup run plans, until {@link #disarm()}.
	 * @param migrator the migrator whose graph the plan comes from
	 * @param startup where the lint is recorded as the step
	 * {@value MigrationInitializer#LINT_STEP}
	 */
	void arm(Migrator migrator, ApplicationStartup startup) {
		this.armed = new Armed(migrator, startup);
	}

	void disarm() {
		this.armed = null;
	}

	private void check(Migrator migrator, MigrationPlan plan, Dialect dialect) {
		List<String> pending = plan.steps().stream().map((step) -> step.revision().id()).toList();
		LintReport report = new Linter(this.properties.toLintConfig(), dialect).lint(migrator.graph(), pending,
				pending);
		for (LintFinding finding : report.findings()) {
			log.warn("{}: lint: {}", finding.revision(), finding);
		}
		if (this.mode == MigrationLintProperties.OnStartup.FAIL && report.fails()) {
			throw new LintFailedException(report);
		}
	}

	private record Armed(Migrator migrator, ApplicationStartup startup) {

	}

}
