package dev.migration.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.DatabaseState.PartialRun;
import dev.migration.HistoryEntry.Direction;
import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.RepairResult;
import dev.migration.Revision;
import dev.migration.command.HistoryStore.Row;
import dev.migration.command.HistoryStore.Summary;
import dev.migration.graph.RevisionGraph;

/**
 * {@code repair}, under the lock: re-records the checksum of applied revisions whose
 * script was edited on purpose (or that were applied with none recorded), and clears the
 * marker a half-applied revision left once the operator resolved it by hand. Writes one
 * history row per item, all in one transaction; the version table is not touched.
 */
final class Repair {

	private static final Logger log = LoggerFactory.getLogger(Repair.class);

	private final RevisionGraph graph;

	private final MigrationConfig config;

	Repair(RevisionGraph graph, MigrationConfig config) {
		this.graph = graph;
		this.config = config;
	}

	RepairResult run(Session session, List<String> identifiers) throws SQLException {
		List<String> heads = session.tables.readHeads(session.connection);
		Summary history = session.history.summary(session.connection);
		List<String> known = heads.stream().filter((head) -> this.graph.get(head) != null).toList();
		Set<String> applied = this.graph.ancestorsOf(known);
		Set<String> only = identifiers.isEmpty() ? null : resolve(identifiers, heads);
		List<RepairResult.Checksum> changed = new ArrayList<>();
		for (Revision revision : this.graph.revisions()) {
			Row row = applied.contains(revision.id()) ? history.applied().get(revision.id()) : null;
			if ((only != null && !only.contains(revision.id())) || row == null || row.direction() != Direction.UPGRADE
					|| revision.checksum() == null || Objects.equals(row.checksum(), revision.checksum())) {
				continue;
			}
			changed.add(
					new RepairResult.Checksum(revision.id(), revision.location(), row.checksum(), revision.checksum()));
		}
		PartialRun partial = DatabaseStateReader
			.judge(this.graph, session.tables.version(), this.config, heads, history, null)
			.partialRun();
		if (only != null) {
			for (String id : only) {
				if (!applied.contains(id) && (partial == null || !partial.revision().equals(id))) {
					throw new MigrationException("Cannot repair revision " + id + ": it is not applied (the version "
							+ "table is at " + StepRunner.heads(heads) + "), so there is no checksum to re-record; "
							+ "name an applied revision, or run repair without --revision");
				}
			}
			if (partial != null && !only.contains(partial.revision())) {
				partial = null;
			}
		}
		if (changed.isEmpty() && partial == null) {
			return new RepairResult(List.of(), null);
		}
		SqlSink sink = session.sink;
		sink.begin();
		for (RepairResult.Checksum checksum : changed) {
			log.info("{}: checksum {} -> {} ({})", checksum.revision(), checksum.oldChecksum(), checksum.newChecksum(),
					checksum.location());
			session.history.recordRepair(sink, checksum.revision(), checksum.location(), checksum.newChecksum(),
					session.user());
		}
		if (partial != null) {
			log.info("{}: cleared the half-applied {}; the version table stays at {}", partial.revision(),
					partial.direction().name().toLowerCase(Locale.ROOT), partial.undoTarget());
			session.history.recordRepair(sink, partial.revision(), partial.location(), null, session.user());
		}
		sink.commit();
		return new RepairResult(changed, partial);
	}

	/**
	 * The revisions {@code --revision} names; each must be applied, or be the one a
	 * previous run left half applied.
	 */
	private Set<String> resolve(List<String> identifiers, List<String> heads) {
		Set<String> ids = new LinkedHashSet<>();
		for (String identifier : identifiers) {
			for (String id : this.graph.resolve(identifier, heads)) {
				ids.add(id);
			}
		}
		return ids;
	}

}
