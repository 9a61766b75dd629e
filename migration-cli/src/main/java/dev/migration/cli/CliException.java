package dev.migration.cli;

import dev.migration.MigrationException;

/**
 * A command cannot do what was asked; the message names the remedy. Exit code 1.
 */
public class CliException extends MigrationException {

	public CliException(String message) {
		super(message);
	}

}
