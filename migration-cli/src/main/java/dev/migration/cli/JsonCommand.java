package dev.migration.cli;

import picocli.CommandLine.Mixin;

/**
 * A command that prints what it read ({@code branches}, {@code current}, {@code heads},
 * {@code history}, {@code show}, {@code status}, {@code validate}) as text lines, or as
 * one JSON document with {@code --json}.
 */
abstract class JsonCommand extends ConnectedCommand {

	@Mixin
	JsonOption json;

}
