package dev.migration.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationException;
import dev.migration.MigrationStatus;
import dev.migration.command.Migrator;
import dev.migration.lint.LintConfig;
import dev.migration.lint.LintFailedException;
import dev.migration.lint.LintFinding;
import dev.migration.lint.LintReport;
import dev.migration.lint.Linter;

/**
 * {@code migration.lint.on-startup}: lints the revisions about to run before the strategy
 * runs them. What they create is fresh (this database has none of it), so only statements
 * on tables that already hold data are flagged.
 */
final class StartupLint {

	private static final Logger log = LoggerFactory.getLogger(StartupLint.class);

	private final MigrationLintProperties.OnStartup mode;

	private final LintConfig config;

	private final String target;

	/**
	 * The startup lint, or {@code null} when it is off or nothing runs at startup: the
	 * start then loads none of the linter's classes and makes no status read of its own.
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

	StartupLint(MigrationProperties properties) {
		// with on-startup=none the application may start without its database: stay away
		this.mode = (properties.getOnStartup() == MigrationProperties.OnStartup.NONE)
				? MigrationLintProperties.OnStartup.OFF : properties.getLint().getOnStartup();
		this.config = properties.getLint().toLintConfig();
		this.target = properties.getTarget();
	}

	void check(Migrator migrator) {
		if (this.mode == MigrationLintProperties.OnStartup.OFF) {
			return;
		}
		MigrationStatus status;
		try {
			status = migrator.status(this.target);
		}
		catch (MigrationException ex) {
			// the strategy that runs next reports the problem with its own remedy
			log.debug("Not linting at startup: {}", ex.getMessage());
			return;
		}
		if (status.pending().isEmpty()) {
			return;
		}
		LintReport report = new Linter(this.config, status.dialect()).lint(migrator.graph(), status.pending(),
				status.pending());
		for (LintFinding finding : report.findings()) {
			log.warn("{}: lint: {}", finding.revision(), finding);
		}
		if (this.mode == MigrationLintProperties.OnStartup.FAIL && report.fails()) {
			throw new LintFailedException(report);
		}
	}

}
