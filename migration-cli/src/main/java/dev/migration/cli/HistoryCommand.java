package dev.migration.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRead;

/**
 * {@code migration history}: the revisions, newest first, in Alembic's format.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "List revisions, newest first: parents -> revision (labels) (head) (current), message.")
final class HistoryCommand extends TenantReadingCommand {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "<from:to>",
			description = "Only this range, e.g. base:head, ae10:, :current, -2:current.")
	private @Nullable String range;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	private boolean verbose;

	@Option(names = { "-i", "--indicate-current" }, description = "Mark the database's current revision(s).")
	private boolean indicateCurrent;

	@Override
	int single() {
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

	/**
	 * The revisions once per schema, each schema's current revisions marked (as with
	 * {@code --indicate-current}): a {@code <schema>:} line, then the revisions indented;
	 * with {@code --json}, {@code {"schemas": [{"schema": ..., "current": [...],
	 * "revisions": [...]}]}}. Exit code 1 when a schema could not be read.
	 */
	@Override
	int perSchema(TenantMigrator tenantMigrator) {
		PrintWriter out = this.connection.out();
		List<TenantRead<Map<String, Object>>> reads = tenantMigrator.read((migrator) -> {
			List<String> current = migrator.current();
			List<Revision> revisions = migrator.history(this.range);
			RevisionText text = new RevisionText(migrator.graph(), current);
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("current", current);
			each.put("revisions", revisions.stream().map(text::json).toList());
			each.put("lines",
					revisions.stream()
						.map((revision) -> this.verbose ? text.verbose(revision) : text.line(revision))
						.toList());
			return each;
		});
		if (this.json.enabled()) {
			TenantOptions.json(out, reads, (each) -> {
				Map<String, Object> json = new LinkedHashMap<>(each);
				json.remove("lines");
				return json;
			});
			return 0;
		}
		for (TenantRead<Map<String, Object>> read : reads) {
			if (read.value() == null) {
				out.println(read.schema() + ": FAILED: " + read.error());
				continue;
			}
			out.println(read.schema() + ":");
			@SuppressWarnings("unchecked")
			List<String> lines = (List<String>) read.value().get("lines");
			for (String line : lines) {
				out.println(line.indent(2).stripTrailing());
			}
		}
		out.flush();
		TenantOptions.failIfAny(reads);
		return 0;
	}

}
