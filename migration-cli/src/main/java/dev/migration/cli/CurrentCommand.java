package dev.migration.cli;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.graph.RevisionGraph;
import dev.migration.tenant.TenantMigrator;

/**
 * {@code migration current}: the revisions in the database's version table.
 */
@Command(name = "current", mixinStandardHelpOptions = true, description = "Show the revision(s) the database is at.")
final class CurrentCommand extends TenantReadingCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	private boolean verbose;

	@Option(names = "--check-heads", description = "Fail (exit code 1) unless the database is at every head.")
	private boolean checkHeads;

	@Override
	int perSchema(TenantMigrator tenantMigrator) {
		if (this.json.enabled()) {
			List<String> heads = this.connection.scriptsMigrator().graph().heads().stream().map(Revision::id).toList();
			TenantOptions.json(this.connection.out(), tenantMigrator.read(Migrator::current), (current) -> {
				Map<String, Object> json = new LinkedHashMap<>();
				json.put("current", current);
				json.put("atHeads", new HashSet<>(current).equals(new HashSet<>(heads)));
				return json;
			});
			return 0;
		}
		TenantOptions.report(this.connection.out(), tenantMigrator.current(), false);
		return 0;
	}

	@Override
	int single() {
		Migrator migrator = this.connection.migrator();
		List<String> current = migrator.current();
		RevisionGraph graph = migrator.graph();
		List<String> heads = graph.heads().stream().map(Revision::id).toList();
		boolean atHeads = new HashSet<>(current).equals(new HashSet<>(heads));
		RevisionText text = new RevisionText(graph, List.of());
		this.json.print(this.connection, () -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("current", current);
			json.put("heads", heads);
			json.put("atHeads", atHeads);
			json.put("revisions", current.stream().map((id) -> {
				Revision revision = graph.get(id);
				return (revision != null) ? text.json(revision) : Map.of("id", id, "unknown", true);
			}).toList());
			return json;
		}, (out) -> {
			if (current.isEmpty()) {
				out.println("<base> (no revision applied)");
			}
			for (String id : current) {
				Revision revision = graph.get(id);
				if (revision == null) {
					out.println(id + " (unknown: no script defines this revision)");
				}
				else {
					out.println(this.verbose ? text.verbose(revision) : text.headOnly(revision));
				}
			}
		});
		if (this.checkHeads && !atHeads) {
			throw new CliException("The database is not at the head revision(s): it is at " + RunReport.heads(current)
					+ ", the scripts' heads are " + RunReport.heads(heads) + "; run 'migration upgrade heads'");
		}
		return 0;
	}

}
