package dev.migration.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migration.MigrationException;

/**
 * Turns a failed startup migration into a Boot failure analysis: the description is the
 * engine's message (what went wrong, which revision, which file), the action is the
 * remedy phrased for a Spring Boot user.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis("Database migration failed at startup:\n\n    " + cause.getMessage(),
				MigrationFailureRemedies.of(cause), cause);
	}

}
