package dev.migration.command;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.migration.DatabaseState;
import dev.migration.DatabaseState.ChangedScript;
import dev.migration.DatabaseState.HeadOverlap;
import dev.migration.DatabaseState.PartialRun;
import dev.migration.HistoryEntry.Direction;
import dev.migration.MigrationConfig;
import dev.migration.Revision;
import dev.migration.RevisionStatus.ChecksumStatus;
import dev.migration.command.HistoryStore.Row;
import dev.migration.command.HistoryStore.Summary;
import dev.migration.graph.MigrationStep;
import dev.migration.graph.RevisionGraph;
import dev.migration.sql.Dialect;

/**
 * Judges the database's state from what two queries read (the version table and the
 * history summary) and the graph: the only place the rules live.
 */
final class DatabaseStateReader {

	private DatabaseStateReader() {
	}

	/**
	 * The state, the history rows it was judged from (status shows their times) and the
	 * database's dialect.
	 */
	record Reading(DatabaseState state, Summary history, Dialect dialect) {
	}

	/**
	 * Read the two tables and judge them.
	 * @param session the session, in auto-commit
	 * @param graph the graph
	 * @param config the configuration (checksum validation)
	 * @param target the target to relate the database to, {@code null} for none
	 * @return the state and the rows
	 * @throws SQLException from the database
	 */
	static Reading read(Session session, RevisionGraph graph, MigrationConfig config, @Nullable String target)
			throws SQLException {
		List<String> heads = session.tables.readHeads(session.connection);
		Summary history = session.history.summary(session.connection);
		return new Reading(judge(graph, session.tables.version(), config, heads, history, target), history,
				session.dialect);
	}

	static DatabaseState judge(RevisionGraph graph, String versionTable, MigrationConfig config, List<String> heads,
			Summary history, @Nullable String target) {
		List<String> known = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String head : heads) {
			// issue 13: unknown heads whose recorded parents this build knows are ahead,
			// not unknown; they will be told apart here
			((graph.get(head) != null) ? known : unknown).add(head);
		}
		Map<String, ChecksumStatus> checksums = new LinkedHashMap<>();
		List<ChangedScript> changed = new ArrayList<>();
		Set<String> applied = graph.ancestorsOf(known);
		for (Revision revision : graph.revisions()) {
			Row row = applied.contains(revision.id()) ? history.applied().get(revision.id()) : null;
			ChecksumStatus status = checksumStatus(revision, row);
			if (status != ChecksumStatus.NOT_APPLICABLE) {
				checksums.put(revision.id(), status);
			}
			if (status == ChecksumStatus.CHANGED) {
				changed.add(new ChangedScript(revision.id(), revision.location(), row.checksum(), revision.checksum()));
			}
		}
		List<String> pending = new ArrayList<>();
		List<String> ahead = new ArrayList<>();
		List<String> otherBranch = new ArrayList<>();
		if (target != null) {
			for (MigrationStep step : graph.planUpgrade(known, target).steps()) {
				if (step.direction() == Direction.UPGRADE) {
					pending.add(step.revision().id());
				}
			}
			for (Revision repeatable : graph.repeatables()) {
				if (due(history).test(repeatable)) {
					pending.add(repeatable.id());
				}
			}
			if (unknown.isEmpty()) {
				relate(graph, target, heads, ahead, otherBranch);
			}
		}
		return new DatabaseState(versionTable, heads, unknown, overlap(graph, known), checksums, changed,
				config.validateChecksums(), partialRun(graph, heads, history.last()), target, pending, ahead,
				otherBranch);
	}

	/**
	 * Whether a repeatable script must run: it never ran, or its last successful run was
	 * of another checksum.
	 * @param history the history summary
	 * @return the test
	 */
	static Predicate<Revision> due(Summary history) {
		return (repeatable) -> {
			Row row = history.applied().get(repeatable.id());
			return row == null || row.checksum() == null || !Objects.equals(row.checksum(), repeatable.checksum());
		};
	}

	private static ChecksumStatus checksumStatus(Revision revision, @Nullable Row row) {
		if (row == null || row.direction() != Direction.UPGRADE || row.checksum() == null
				|| revision.checksum() == null) {
			return ChecksumStatus.NOT_APPLICABLE;
		}
		return row.checksum().equals(revision.checksum()) ? ChecksumStatus.OK : ChecksumStatus.CHANGED;
	}

	/** Heads above the target, and heads on a branch the target does not contain. */
	private static void relate(RevisionGraph graph, String target, List<String> heads, List<String> ahead,
			List<String> otherBranch) {
		Set<String> targetIds = new LinkedHashSet<>(graph.resolve(target, heads));
		Set<String> belowTarget = graph.ancestorsOf(targetIds);
		for (String head : heads) {
			if (belowTarget.contains(head)) {
				continue;
			}
			boolean descendsFromTarget = !Collections.disjoint(graph.ancestorsOf(List.of(head)), targetIds);
			(descendsFromTarget ? ahead : otherBranch).add(head);
		}
	}

	/** A row below another row is no head: planning from it would run revisions twice. */
	private static @Nullable HeadOverlap overlap(RevisionGraph graph, List<String> known) {
		for (String ancestor : known) {
			for (String descendant : known) {
				if (graph.isAncestor(ancestor, descendant)) {
					return new HeadOverlap(ancestor, descendant);
				}
			}
		}
		return null;
	}

	private static @Nullable PartialRun partialRun(RevisionGraph graph, List<String> heads, @Nullable Row last) {
		if (last == null || !last.isIncomplete()) {
			return null;
		}
		List<String> after = new ArrayList<>(heads);
		Revision revision = graph.get(last.revision());
		if (last.direction() == Direction.UPGRADE) {
			if (revision != null) {
				after.removeAll(revision.revises());
			}
			after.add(last.revision());
		}
		else {
			after.remove(last.revision());
			if (revision != null) {
				after.addAll(revision.revises());
			}
		}
		return new PartialRun(last.revision(), last.location(), last.direction(),
				(last.statementsDone() != null) ? last.statementsDone() : 0, last.statementsTotal(), last.error(),
				StepRunner.heads(heads), StepRunner.heads(new ArrayList<>(new LinkedHashSet<>(after))));
	}

}
