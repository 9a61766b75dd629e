package dev.migration.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.migration.Revision;
import dev.migration.command.Migrator;

/**
 * {@code migration history}: the revisions, newest first, in Alembic's format.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "List revisions, newest first: parents -> revision (labels) (head) (current), message.")
final class HistoryCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Option(names = { "-r", "--rev-range" }, paramLabel = "<from:to>",
			description = "Only this range, e.g. base:head, ae10:, :current, -2:current.")
	private @Nullable String range;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	private boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's current revision(s).")
	private boolean indicateCurrent;

	@Mixin
	private JsonOption json;

	@Override
	public Integer call() {
		boolean needsDatabase = this.indicateCurrent || (this.range != null && this.range.contains("current"));
		Migrator migrator = needsDatabase ? this.connection.migrator() : this.connection.scriptsMigrator();
		List<Revision> revisions = migrator.history(this.range);
		RevisionText text = new RevisionText(migrator.graph(), this.indicateCurrent ? migrator.current() : List.of());
		this.json.print(this.connection, () -> Map.of("revisions", revisions.stream().map(text::json).toList()),
				(out) -> {
					for (Revision revision : revisions) {
						out.println(this.verbose ? text.verbose(revision) : text.line(revision));
					}
				});
		return 0;
	}

}
