package dev.migration.lint;

import dev.migration.MigrationException;

/**
 * Lint found problems at or above {@code migration.lint.fail-on} where the settings say
 * to stop ({@code migration.lint.on-startup=fail}, {@code migration:lint}).
 */
public class LintFailedException extends MigrationException {

	private final transient LintReport report;

	/**
	 * Create the exception.
	 * @param report the report; its failing findings are listed in the message
	 */
	public LintFailedException(LintReport report) {
		super(message(report));
		this.report = report;
	}

	public LintReport getReport() {
		return this.report;
	}

	private static String message(LintReport report) {
		StringBuilder message = new StringBuilder("Lint found ").append(report.failing().size())
			.append(" problem")
			.append((report.failing().size() == 1) ? "" : "s")
			.append(" at or above '")
			.append(report.failOn())
			.append("':");
		for (LintFinding finding : report.failing()) {
			message.append("\n  ").append(finding.revision()).append(": ").append(finding);
		}
		return message.append("\nFix the scripts, or add '-- lint:ignore <rule> <reason>' before a statement that is ")
			.append("safe here, or set migration.lint.fail-on / migration.lint.on-startup=warn")
			.toString();
	}

}
