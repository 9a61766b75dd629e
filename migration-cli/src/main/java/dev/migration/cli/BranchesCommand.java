package dev.migration.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.migration.Revision;
import dev.migration.graph.RevisionGraph;

/**
 * {@code migration branches}: the branch points and the revisions they branch into.
 */
@Command(name = "branches", mixinStandardHelpOptions = true,
		description = "Show the branch points (revisions with several children) and their children.")
final class BranchesCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Option(names = { "-v", "--verbose" }, description = "Show each branch point in full.")
	private boolean verbose;

	@Option(names = "--json", description = "Print JSON.")
	private boolean json;

	@Override
	public Integer call() {
		RevisionGraph graph = this.connection.scriptsMigrator().graph();
		RevisionText text = new RevisionText(graph, List.of());
		List<Revision> newestFirst = new ArrayList<>(graph.revisions());
		Collections.reverse(newestFirst);
		List<Revision> branchPoints = newestFirst.stream().filter(text::isBranchPoint).toList();
		if (this.json) {
			this.connection.out()
				.println(Json.write(Map.of("branchPoints", branchPoints.stream().map(text::json).toList())));
		}
		else {
			for (Revision branchPoint : branchPoints) {
				String head = this.verbose ? text.verbose(branchPoint) : text.headOnly(branchPoint);
				this.connection.out().println(head);
				String indent = " ".repeat(branchPoint.id().length());
				for (String child : text.children(branchPoint)) {
					Revision revision = graph.get(child);
					this.connection.out()
						.println(indent + " -> " + text.headOnly(revision) + ", " + revision.message());
				}
			}
		}
		this.connection.out().flush();
		return 0;
	}

}
