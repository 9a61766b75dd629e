package dev.migration.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.migration.DatabaseState;
import dev.migration.DatabaseState.ChangedScript;
import dev.migration.MigrationConfig;
import dev.migration.MigrationStatus;
import dev.migration.Revision;
import dev.migration.RevisionStatus;
import dev.migration.RevisionStatus.ChecksumStatus;
import dev.migration.RevisionStatus.State;
import dev.migration.UnknownDatabaseRevisionException;
import dev.migration.ValidationReport;
import dev.migration.command.HistoryStore.Row;
import dev.migration.graph.RevisionGraph;

/**
 * Status and validation: reports the {@link DatabaseState} read with two queries (the
 * version table and one summary of the history table), no lock, nothing created. The
 * endpoint and the health check call this on every request.
 */
record StatusReader(RevisionGraph graph, MigrationConfig config) {

	private DatabaseStateReader.Reading read(@Nullable String target) {
		return Session.read(this.config, "read the migration tables",
				(session) -> DatabaseStateReader.read(session, this.graph, this.config, target));
	}

	MigrationStatus status(String target) {
		DatabaseStateReader.Reading reading = read(target);
		DatabaseState state = reading.state();
		Map<String, Row> rows = reading.history().applied();
		Set<String> applied = this.graph.ancestorsOf(state.knownHeads());
		List<RevisionStatus> revisions = new ArrayList<>();
		for (Revision revision : this.graph.history(null, state.knownHeads())) {
			boolean isApplied = applied.contains(revision.id());
			Row row = isApplied ? rows.get(revision.id()) : null;
			revisions.add(new RevisionStatus(revision.id(), revision.message(), revision.revises(),
					revision.dependsOn(), revision.branchLabels(), revision.kind(), revision.location(),
					isApplied ? State.APPLIED : State.PENDING, finishedAt(row), duration(row), revision.checksum(),
					state.checksums().getOrDefault(revision.id(), ChecksumStatus.NOT_APPLICABLE), false));
		}
		Predicate<Revision> due = DatabaseStateReader.due(reading.history());
		for (Revision repeatable : this.graph.repeatables()) {
			boolean current = !due.test(repeatable);
			Row row = rows.get(repeatable.id());
			revisions.add(new RevisionStatus(repeatable.id(), repeatable.message(), List.of(), List.of(), List.of(),
					repeatable.kind(), repeatable.location(), current ? State.APPLIED : State.PENDING, finishedAt(row),
					duration(row), repeatable.checksum(), current ? ChecksumStatus.OK : ChecksumStatus.NOT_APPLICABLE,
					true));
		}
		for (String id : DatabaseStateReader.newerRevisions(this.graph, rows, state.newerHeads())) {
			Row row = rows.get(id);
			List<String> parents = (row != null && row.parents() != null) ? row.parents() : List.of();
			revisions.add(new RevisionStatus(id, "", parents, List.of(), List.of(), null,
					(row != null) ? row.location() : null, State.NEWER, finishedAt(row), duration(row), null,
					ChecksumStatus.NOT_APPLICABLE, false));
		}
		for (String id : state.unknownHeads()) {
			Row row = rows.get(id);
			revisions.add(new RevisionStatus(id, "", List.of(), List.of(), List.of(), null, null, State.UNKNOWN,
					finishedAt(row), duration(row), null, ChecksumStatus.NOT_APPLICABLE, false));
		}
		List<String> graphHeads = this.graph.heads().stream().map(Revision::id).toList();
		return new MigrationStatus(reading.dialect(), graphHeads, target, revisions, state);
	}

	private static @Nullable Instant finishedAt(@Nullable Row row) {
		return (row != null) ? row.finishedAt() : null;
	}

	private static @Nullable Duration duration(@Nullable Row row) {
		return (row != null && row.durationMs() != null) ? Duration.ofMillis(row.durationMs()) : null;
	}

	ValidationReport validate() {
		DatabaseStateReader.Reading reading = read(null);
		DatabaseState state = reading.state();
		List<String> problems = new ArrayList<>(TransactionControl.problems(this.graph, reading.dialect()));
		for (ChangedScript changed : state.changedScripts()) {
			problems.add(changed.exception().getMessage());
		}
		if (!state.unknownHeads().isEmpty()) {
			problems.add(new UnknownDatabaseRevisionException(state.versionTable(), state.unknownHeads()).getMessage());
		}
		if (state.partialRun() != null) {
			problems.add(state.partialRun().exception().getMessage());
		}
		// a newer build's revisions are no problem for this build, but the database is
		// still ahead of its scripts
		return new ValidationReport(problems, state.changedRevisions(), state.unknownHeads(),
				!state.unknownHeads().isEmpty() || !state.newerHeads().isEmpty());
	}

}
