package dev.migration.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.migration.Revision;
import dev.migration.command.Migrator;

/**
 * {@code migration show <revision>}: one revision in full.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one revision in full.")
final class ShowCommand extends JsonCommand {

	@Parameters(paramLabel = "<revision>", description = "An id, unique prefix, head or <label>@head.")
	private String revision;

	@Override
	public Integer call() {
		Migrator migrator = this.connection.scriptsMigrator();
		Revision shown = migrator.show(this.revision);
		RevisionText text = new RevisionText(migrator.graph(), List.of());
		this.json.print(this.connection, () -> text.json(shown), (out) -> out.println(text.verbose(shown)));
		return 0;
	}

}
