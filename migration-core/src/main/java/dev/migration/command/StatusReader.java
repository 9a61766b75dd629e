package dev.migration.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.ChecksumMismatchException;
import dev.migration.HistoryEntry.Direction;
import dev.migration.MigrationStatus;
import dev.migration.Revision;
import dev.migration.RevisionStatus;
import dev.migration.RevisionStatus.ChecksumStatus;
import dev.migration.RevisionStatus.State;
import dev.migration.UnknownDatabaseRevisionException;
import dev.migration.ValidationReport;
import dev.migration.graph.MigrationStep;
import dev.migration.graph.RevisionGraph;
import dev.migration.sql.Dialect;
import dev.migration.store.HistoryStore.Row;

/**
 * Status and validation: two queries (the version table and one aggregate over the
 * history table), no lock, nothing created. The endpoint and the health check call this
 * on every request.
 */
final class StatusReader {

	private final Migrator migrator;

	StatusReader(Migrator migrator) {
		this.migrator = migrator;
	}

	private record Snapshot(Dialect dialect, String versionTable, List<String> heads, Map<String, Row> applied,
			@Nullable Row last) {
	}

	private Snapshot read(boolean withLast) {
		try (Session session = Session.open(this.migrator.config())) {
			List<String> heads = session.tables.readHeads(session.connection);
			Map<String, Row> applied = session.history.lastApplied(session.connection);
			Row last = withLast ? session.history.last(session.connection) : null;
			return new Snapshot(session.dialect, session.tables.version(), heads, applied, last);
		}
		catch (SQLException ex) {
			throw Migrator.databaseError("read the migration tables", ex);
		}
	}

	MigrationStatus status(String target) {
		RevisionGraph graph = this.migrator.graph();
		Snapshot snapshot = read(false);
		List<String> known = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String head : snapshot.heads()) {
			((graph.get(head) != null) ? known : unknown).add(head);
		}
		List<String> pending = new ArrayList<>();
		for (MigrationStep step : graph.planUpgrade(known, target).steps()) {
			if (step.direction() == Direction.UPGRADE) {
				pending.add(step.revision().id());
			}
		}
		Set<String> applied = graph.ancestorsOf(known);
		List<RevisionStatus> revisions = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		for (Revision revision : graph.history(null, known)) {
			boolean isApplied = applied.contains(revision.id());
			Row row = isApplied ? snapshot.applied().get(revision.id()) : null;
			ChecksumStatus checksum = checksumStatus(revision, row);
			if (checksum == ChecksumStatus.CHANGED) {
				changed.add(revision.id());
			}
			revisions.add(new RevisionStatus(revision.id(), revision.message(), revision.revises(),
					revision.dependsOn(), revision.branchLabels(), revision.kind(), revision.location(),
					isApplied ? State.APPLIED : State.PENDING, (row != null) ? row.finishedAt() : null,
					(row != null && row.durationMs() != null) ? java.time.Duration.ofMillis(row.durationMs()) : null,
					revision.checksum(), checksum));
		}
		for (String id : unknown) {
			Row row = snapshot.applied().get(id);
			revisions
				.add(new RevisionStatus(id, "", List.of(), List.of(), List.of(), null, null, State.UNKNOWN,
						(row != null) ? row.finishedAt() : null, (row != null && row.durationMs() != null)
								? java.time.Duration.ofMillis(row.durationMs()) : null,
						null, ChecksumStatus.NOT_APPLICABLE));
		}
		List<String> graphHeads = graph.heads().stream().map(Revision::id).toList();
		return new MigrationStatus(snapshot.dialect(), snapshot.heads(), graphHeads, target, pending, revisions,
				unknown, changed);
	}

	static ChecksumStatus checksumStatus(Revision revision, @Nullable Row row) {
		if (row == null || row.direction() != Direction.UPGRADE || row.checksum() == null
				|| revision.checksum() == null) {
			return ChecksumStatus.NOT_APPLICABLE;
		}
		return row.checksum().equals(revision.checksum()) ? ChecksumStatus.OK : ChecksumStatus.CHANGED;
	}

	ValidationReport validate() {
		RevisionGraph graph = this.migrator.graph();
		Snapshot snapshot = read(true);
		List<String> problems = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		List<String> known = new ArrayList<>();
		for (String head : snapshot.heads()) {
			((graph.get(head) != null) ? known : unknown).add(head);
		}
		List<String> changed = new ArrayList<>();
		Set<String> applied = graph.ancestorsOf(known);
		for (Revision revision : graph.revisions()) {
			Row row = applied.contains(revision.id()) ? snapshot.applied().get(revision.id()) : null;
			if (checksumStatus(revision, row) == ChecksumStatus.CHANGED) {
				changed.add(revision.id());
				problems.add(new ChecksumMismatchException(revision.id(), revision.location(), row.checksum(),
						revision.checksum())
					.getMessage());
			}
		}
		if (!unknown.isEmpty()) {
			problems.add(new UnknownDatabaseRevisionException(snapshot.versionTable(), unknown).getMessage());
		}
		Row last = snapshot.last();
		if (last != null && last.isIncomplete()) {
			problems.add("Revision " + last.revision() + " (" + last.location() + ") was left half applied by a "
					+ "previous " + last.direction().name().toLowerCase(java.util.Locale.ROOT) + " ("
					+ ((last.statementsDone() != null) ? last.statementsDone() : 0) + " statements completed): "
					+ "finish or undo it by hand, then record the result with 'stamp'");
		}
		return new ValidationReport(problems, changed, unknown, !unknown.isEmpty());
	}

}
