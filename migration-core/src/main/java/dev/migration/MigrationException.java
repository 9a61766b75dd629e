package dev.migration;

/**
 * The root of every error the engine reports. Messages say what happened, where
 * (revision, file, line) and what to do; subclasses keep those facts as fields.
 */
public class MigrationException extends RuntimeException {

	public MigrationException(String message) {
		super(message);
	}

	public MigrationException(String message, Throwable cause) {
		super(message, cause);
	}

}
