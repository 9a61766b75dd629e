package dev.migration.lint;

import java.util.ArrayList;
import java.util.List;

import dev.migration.Revision;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.SqlMigration;

/** In-memory linear graphs of SQL revisions for lint tests. */
final class Scripts {

	private final List<Revision> revisions = new ArrayList<>();

	static Scripts graph() {
		return new Scripts();
	}

	/**
	 * Add a transactional revision {@code r1}, {@code r2}, ... revising the previous one.
	 */
	Scripts revision(String upgrade) {
		return revision(upgrade, true);
	}

	Scripts revision(String upgrade, boolean transactional) {
		String id = "r" + (this.revisions.size() + 1);
		List<String> revises = this.revisions.isEmpty() ? List.of()
				: List.of(this.revisions.get(this.revisions.size() - 1).id());
		String location = "db/migration/" + id + ".sql";
		this.revisions.add(new Revision(id, "", revises, List.of(), List.of(), null, transactional, Revision.Kind.SQL,
				location, null, new SqlMigration(id, location, upgrade, 1, null, 0, null)));
		return this;
	}

	RevisionGraph build() {
		return RevisionGraph.of(this.revisions);
	}

}
