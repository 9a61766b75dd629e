package dev.migration.lint;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One problem in one statement.
 *
 * @param rule the rule that found it
 * @param severity its severity (the rule's, or as configured)
 * @param revision the revision id
 * @param location the script file
 * @param line the line where the statement starts
 * @param statement the statement's first line, shortened
 * @param message what the statement does and why it hurts
 * @param suppressedBecause the reason of the {@code -- lint:ignore} comment that
 * suppresses it, {@code null} when it is not suppressed
 */
public record LintFinding(LintRule rule, Severity severity, String revision, String location, int line,
		String statement, String message, @Nullable String suppressedBecause) {

	public LintFinding {
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(severity, "severity");
	}

	public boolean suppressed() {
		return this.suppressedBecause != null;
	}

	/** The safe rewrite. */
	public String fix() {
		return this.rule.fix();
	}

	/**
	 * One line for logs and the text report:
	 * {@code file:line: severity rule: message; fix}.
	 */
	@Override
	public String toString() {
		return this.location + ":" + this.line + ": " + this.severity + " [" + this.rule.id() + "] " + this.message
				+ ". Fix: " + fix();
	}

}
