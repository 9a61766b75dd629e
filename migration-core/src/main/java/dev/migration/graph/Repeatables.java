package dev.migration.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.migration.DuplicateRevisionException;
import dev.migration.InvalidRevisionIdException;
import dev.migration.Revision;
import dev.migration.RevisionGraphException;

/**
 * The rules for repeatable scripts: own ids, distinct from every revision's, and no place
 * in the graph (no parents, no dependencies, no labels).
 */
final class Repeatables {

	private Repeatables() {
	}

	static List<Revision> check(List<Revision> repeatables, Dag dag) {
		Map<String, Revision> seen = new HashMap<>();
		for (Revision repeatable : repeatables) {
			if (!DagBuilder.isValid(repeatable.id(), false)) {
				throw InvalidRevisionIdException.revision(repeatable.id(), repeatable.location());
			}
			Integer versioned = dag.byId.get(repeatable.id());
			if (versioned != null) {
				throw new DuplicateRevisionException(repeatable.id(), dag.revisions[versioned].location(),
						repeatable.location());
			}
			Revision previous = seen.putIfAbsent(repeatable.id(), repeatable);
			if (previous != null) {
				throw new DuplicateRevisionException(repeatable.id(), previous.location(), repeatable.location());
			}
			if (!repeatable.revises().isEmpty() || !repeatable.dependsOn().isEmpty()
					|| !repeatable.branchLabels().isEmpty()) {
				throw new RevisionGraphException(
						"Repeatable script " + repeatable.id() + " in " + repeatable.location()
								+ " has parents, dependencies or branch labels; a repeatable "
								+ "script stands outside the graph (it runs after the versioned revisions whenever it "
								+ "changes): remove its 'revises', 'depends-on' and 'branch-labels' headers",
						List.of(repeatable.id()), List.of(repeatable.location()));
			}
		}
		List<Revision> sorted = new ArrayList<>(repeatables);
		sorted.sort(Comparator.comparing(Revision::id));
		return List.copyOf(sorted);
	}

}
