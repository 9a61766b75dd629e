package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * An error at a place in a migration or callback script: the file (or class) and, where
 * it is known, the line. The message names the place as {@code <file>:<line>}, or the
 * file alone when the line is {@code 0}.
 */
public abstract class LocatedException extends MigrationException {

	private final String location;

	private final int line;

	/**
	 * Create the exception.
	 * @param message what happened and what to do
	 * @param location the file (as configured, e.g. {@code classpath:db/migration/x.sql})
	 * or class
	 * @param line the 1-based line, {@code 0} when unknown or when the error concerns the
	 * whole file
	 * @param cause the original failure, if any
	 */
	protected LocatedException(String message, String location, int line, @Nullable Throwable cause) {
		super(message);
		if (cause != null) {
			initCause(cause);
		}
		this.location = location;
		this.line = line;
	}

	/**
	 * The place as the messages name it.
	 * @param location the file or class
	 * @param line the 1-based line, {@code 0} for none
	 * @return {@code location:line}, or the location alone
	 */
	protected static String at(String location, int line) {
		return (line > 0) ? location + ":" + line : location;
	}

	/** The file or class. */
	public String getLocation() {
		return this.location;
	}

	/**
	 * The 1-based line, or {@code 0} when it is unknown or the error concerns the whole
	 * file.
	 */
	public int getLine() {
		return this.line;
	}

}
