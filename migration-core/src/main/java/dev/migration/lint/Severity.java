package dev.migration.lint;

import java.util.Locale;

/** How bad a finding is; {@code fail-on} compares against it. */
public enum Severity {

	/** A design preference (column types): worth knowing, never blocks by default. */
	INFO,

	/** Locks or rewrites a table, or breaks running code: the default {@code fail-on}. */
	WARNING,

	/** Fails at run time or destroys data without a way back. */
	ERROR;

	/**
	 * Parse a severity as written in settings ({@code info}, {@code warning},
	 * {@code error}, any case).
	 * @param text the text
	 * @return the severity
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static Severity parse(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "info" -> INFO;
			case "warning", "warn" -> WARNING;
			case "error" -> ERROR;
			default ->
				throw new IllegalArgumentException("Unknown severity '" + text + "'; use one of info, warning, error");
		};
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
