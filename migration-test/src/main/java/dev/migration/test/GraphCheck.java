package dev.migration.test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.graph.RevisionGraph;

/**
 * The graph alone, no database: it loads (no duplicate ids or labels, no missing parent,
 * no cycle) and has one head or exactly the declared ones. No revision is then
 * unreachable: with every parent present and no cycle, each revision lies below a head,
 * and every head is one the application upgrades to.
 */
final class GraphCheck {

	private GraphCheck() {
	}

	static void check(Migrator migrator, List<String> declared) {
		RevisionGraph graph;
		try {
			graph = migrator.graph();
		}
		catch (MigrationException ex) {
			throw new MigrationCheckFailure("single head", null, null,
					"The revisions cannot be loaded: " + ex.getMessage(), List.of(), ex);
		}
		List<Revision> heads = graph.heads();
		List<String> headIds = heads.stream().map(Revision::id).toList();
		if (declared.isEmpty()) {
			if (heads.size() > 1) {
				throw new MigrationCheckFailure("single head", null, null,
						"The revisions have " + heads.size() + " heads: " + describe(heads)
								+ ". Upgrading to 'head' fails and 'heads' applies the branches in no fixed order. "
								+ "Run `migration merge heads -m \"<message>\"` to join them, or declare the heads "
								+ "the application upgrades to with heads(...) (@MigrationTest(heads = ...))",
						headIds, null);
			}
		}
		else {
			Set<String> wanted = new LinkedHashSet<>();
			for (String each : declared) {
				wanted.addAll(graph.resolve(each, List.of()));
			}
			if (!wanted.equals(new LinkedHashSet<>(headIds))) {
				throw new MigrationCheckFailure("single head", null, null,
						"The revisions' heads are " + describe(heads) + " but the test declares " + declared
								+ ". Merge the heads that should not exist (`migration merge`), or update the "
								+ "declared heads",
						headIds, null);
			}
		}
	}

	private static String describe(List<Revision> revisions) {
		return String.join(", ", revisions.stream().map(Revisions::describe).toList());
	}

}
