package dev.migration.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migration.Revision;
import dev.migration.graph.RevisionGraph;

/**
 * {@code migration branches}: the branch points and the revisions they branch into.
 */
@Command(name = "branches", mixinStandardHelpOptions = true,
		description = "Show the branch points (revisions with several children) and their children.")
final class BranchesCommand extends JsonCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each branch point in full.")
	private boolean verbose;

	@Override
	public Integer call() {
		RevisionGraph graph = this.connection.scriptsMigrator().graph();
		RevisionText text = new RevisionText(graph, List.of());
		List<Revision> newestFirst = new ArrayList<>(graph.revisions());
		Collections.reverse(newestFirst);
		List<Revision> branchPoints = newestFirst.stream().filter(text::isBranchPoint).toList();
		this.json.print(this.connection, () -> Map.of("branchPoints", branchPoints.stream().map(text::json).toList()),
				(out) -> {
					for (Revision branchPoint : branchPoints) {
						out.println(this.verbose ? text.verbose(branchPoint) : text.headOnly(branchPoint));
						String indent = " ".repeat(branchPoint.id().length());
						for (String child : text.children(branchPoint)) {
							Revision revision = graph.get(child);
							out.println(indent + " -> " + text.headOnly(revision) + ", " + revision.message());
						}
					}
				});
		return 0;
	}

}
