package dev.migration.autoconfigure;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migration.DowngradeNotSupportedException;
import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationException;

/**
 * Turns a failed startup migration into a Boot failure analysis: what went wrong, which
 * revision and file (the engine's message names them), and what to do.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis("Database migration failed at startup:\n\n    " + cause.getMessage(), action(cause),
				cause);
	}

	static String action(MigrationException cause) {
		if (cause instanceof MigrationValidationException validation) {
			return String.join("\n", validation.getRemedies());
		}
		if (cause instanceof InvalidConfigurationException invalid) {
			return "Fix the setting " + MigrationFailureRemedies.propertyName(invalid.getProperty())
					+ " in application.yml (or your MigrationConfigCustomizer).";
		}
		if (cause instanceof DowngradeNotSupportedException downgrade) {
			return "Add a '-- +downgrade' section to " + downgrade.getLocation()
					+ " (or override downgrade()), or move the version table past it with `migration stamp`.";
		}
		List<String> remedies = MigrationFailureRemedies.forMessage(cause);
		return String.join("\n", remedies);
	}

}
