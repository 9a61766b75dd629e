package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migration.MigrationStatus;
import dev.migration.RevisionStatus;
import dev.migration.command.Migrator;
import dev.migration.graph.RevisionGraph;

/**
 * {@code migration.on-startup=validate}: compares the database with the target through
 * the one API ({@link Migrator#status(String)} and the graph) and changes nothing.
 */
final class StartupValidation {

	private StartupValidation() {
	}

	static void check(Migrator migrator, String target) {
		MigrationStatus status = migrator.status(target);
		RevisionGraph graph = migrator.graph();
		List<String> current = status.currentHeads();
		List<String> ahead = new ArrayList<>();
		List<String> otherBranch = new ArrayList<>();
		if (status.unknownRevisions().isEmpty()) {
			Set<String> targetIds = new LinkedHashSet<>(graph.resolve(target, current));
			Set<String> belowTarget = graph.ancestorsOf(targetIds);
			for (String head : current) {
				if (graph.get(head) == null || belowTarget.contains(head)) {
					continue;
				}
				boolean descendsFromTarget = !Collections.disjoint(graph.ancestorsOf(List.of(head)), targetIds);
				(descendsFromTarget ? ahead : otherBranch).add(head);
			}
		}
		Map<String, String> drifted = new LinkedHashMap<>();
		if (migrator.config().validateChecksums()) {
			for (RevisionStatus revision : status.revisions()) {
				if (status.changedChecksums().contains(revision.id())) {
					drifted.put(revision.id(), String.valueOf(revision.location()));
				}
			}
		}
		if (!status.pending().isEmpty() || !ahead.isEmpty() || !otherBranch.isEmpty()
				|| !status.unknownRevisions().isEmpty() || !drifted.isEmpty()) {
			throw new MigrationValidationException(target, current, status.pending(), ahead, otherBranch,
					status.unknownRevisions(), drifted);
		}
	}

}
