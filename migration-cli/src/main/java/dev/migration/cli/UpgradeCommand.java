package dev.migration.cli;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code migration upgrade [target]}: apply pending revisions, or print them with
 * {@code --sql}.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = "Upgrade the database to a target (default: migration.target, else heads), "
				+ "or print the SQL with --sql.")
final class UpgradeCommand extends ChangingCommand {

	@Parameters(arity = "0..1", paramLabel = "<target>",
			description = "heads (default: migration.target), head, an id or unique prefix, +N, <id>+N, "
					+ "<label>@head; with --sql also a range from:to.")
	private @Nullable String target;

	@Option(names = "--baseline", paramLabel = "<revision>",
			description = "When the schema holds objects but no version table yet, stamp this revision (or heads) "
					+ "first, then upgrade the rest (migration.baseline).")
	void baseline(@Nullable String revision) {
		// a setting like --schema: it overrides migration.baseline of the configuration
		this.connection.set("migration.baseline", revision);
	}

	@Override
	public Integer call() {
		String where = (this.target != null) ? this.target : this.connection.settings().properties().getTarget();
		return run((migrator) -> migrator.upgradeSql(where), (migrator) -> migrator.upgrade(where));
	}

}
