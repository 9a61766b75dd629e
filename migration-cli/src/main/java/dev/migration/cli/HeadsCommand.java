package dev.migration.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.graph.RevisionGraph;

/**
 * {@code migration heads}: the revisions with no children.
 */
@Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the head revisions of the scripts.")
final class HeadsCommand extends JsonCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	private boolean verbose;

	@Option(names = "--resolve-dependencies",
			description = "Treat depends-on like parents: a head another head depends on is not listed.")
	private boolean resolveDependencies;

	@Override
	public Integer call() {
		Migrator migrator = this.connection.scriptsMigrator();
		RevisionGraph graph = migrator.graph();
		List<Revision> allHeads = migrator.heads();
		List<Revision> heads = this.resolveDependencies
				? allHeads.stream().filter((head) -> !neededByAnotherHead(graph, allHeads, head)).toList() : allHeads;
		RevisionText text = new RevisionText(graph, List.of());
		this.json.print(this.connection, () -> Map.of("heads", heads.stream().map(text::json).toList()), (out) -> {
			for (Revision head : heads) {
				out.println(this.verbose ? text.verbose(head) : text.headOnly(head));
			}
		});
		return 0;
	}

	private static boolean neededByAnotherHead(RevisionGraph graph, List<Revision> heads, Revision head) {
		List<String> others = heads.stream().map(Revision::id).filter((id) -> !id.equals(head.id())).toList();
		Set<String> ancestors = graph.ancestorsOf(others);
		return ancestors.contains(head.id());
	}

}
