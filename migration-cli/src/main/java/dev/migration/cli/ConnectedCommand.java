package dev.migration.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;

/**
 * A command that reads the scripts or the database: where they are comes from the shared
 * {@link ConnectionOptions} (picocli's subclassing: the mixin is declared once here).
 */
abstract class ConnectedCommand implements Callable<Integer> {

	@Mixin
	ConnectionOptions connection;

}
