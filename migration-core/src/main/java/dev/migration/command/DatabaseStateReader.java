package dev.migration.command;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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
		List<String> newer = new ArrayList<>();
		Set<String> newerBase = new LinkedHashSet<>();
		for (String head : heads) {
			if (graph.get(head) != null) {
				known.add(head);
				continue;
			}
			Set<String> base = knownBase(graph, history.applied(), head);
			if (base.isEmpty()) {
				unknown.add(head);
			}
			else {
				newer.add(head);
				newerBase.addAll(base);
			}
		}
		List<String> buildHeads = buildHeads(graph, known, newerBase);
		Map<String, ChecksumStatus> checksums = new LinkedHashMap<>();
		List<ChangedScript> changed = new ArrayList<>();
		Set<String> applied = graph.ancestorsOf(buildHeads);
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
			for (MigrationStep step : graph.planUpgrade(buildHeads, target).steps()) {
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
				List<String> relatable = new ArrayList<>(known);
				relatable.addAll(newerBase);
				relate(graph, target, relatable, ahead, otherBranch);
				ahead.removeAll(newerBase);
				otherBranch.removeAll(newerBase);
				ahead.addAll(newer);
			}
		}
		return new DatabaseState(versionTable, heads, unknown, newer, List.copyOf(newerBase), buildHeads,
				overlap(graph, known), checksums, changed, config.validateChecksums(),
				partialRun(graph, heads, history.last()), target, pending, ahead, otherBranch);
	}

	/**
	 * The revisions of this build that a head no script defines descends from, following
	 * the parents the history recorded for it and for every unknown revision on the way;
	 * empty when a path ends in a revision without recorded parents (history written
	 * before parents were) or in an unknown root, i.e. when descent cannot be shown.
	 * @param graph this build's graph
	 * @param applied per revision, its newest successful upgrade or stamp row
	 * @param head the unknown head
	 * @return the nearest known revisions it descends from
	 */
	static Set<String> knownBase(RevisionGraph graph, Map<String, Row> applied, String head) {
		Set<String> base = new LinkedHashSet<>();
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> next = new ArrayDeque<>(List.of(head));
		while (!next.isEmpty()) {
			String id = next.removeFirst();
			if (!seen.add(id)) {
				continue;
			}
			if (graph.get(id) != null) {
				base.add(id);
				continue;
			}
			Row row = applied.get(id);
			if (row == null || row.parents() == null || row.parents().isEmpty()) {
				return Set.of();
			}
			next.addAll(row.parents());
		}
		return base;
	}

	/**
	 * The unknown revisions between newer heads and this build's revisions, heads first:
	 * what a newer build applied, as far as the history shows.
	 * @param graph this build's graph
	 * @param applied per revision, its newest successful upgrade or stamp row
	 * @param newerHeads the newer heads
	 * @return their ids
	 */
	static List<String> newerRevisions(RevisionGraph graph, Map<String, Row> applied, List<String> newerHeads) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> next = new ArrayDeque<>(newerHeads);
		while (!next.isEmpty()) {
			String id = next.removeFirst();
			Row row = applied.get(id);
			if (graph.get(id) == null && seen.add(id) && row != null && row.parents() != null) {
				next.addAll(row.parents());
			}
		}
		return List.copyOf(seen);
	}

	/** Known heads and the newer heads' base, without those below another. */
	private static List<String> buildHeads(RevisionGraph graph, List<String> known, Set<String> newerBase) {
		Set<String> all = new LinkedHashSet<>(known);
		all.addAll(newerBase);
		List<String> heads = new ArrayList<>();
		for (String id : all) {
			boolean below = false;
			for (String other : all) {
				below |= !other.equals(id) && graph.isAncestor(id, other);
			}
			if (!below) {
				heads.add(id);
			}
		}
		return heads;
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
		// a repeatable script never moves the version table: finished or undone by hand,
		// the resolution is a stamp of the same heads
		boolean repeatable = graph.repeatables().stream().anyMatch((each) -> each.id().equals(last.revision()));
		if (repeatable) {
			return new PartialRun(last.revision(), last.location(), last.direction(),
					(last.statementsDone() != null) ? last.statementsDone() : 0, last.statementsTotal(), last.error(),
					StepRunner.heads(heads), StepRunner.heads(heads));
		}
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
