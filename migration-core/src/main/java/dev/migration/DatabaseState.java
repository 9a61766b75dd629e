package dev.migration;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.migration.RevisionStatus.ChecksumStatus;

/**
 * Where the database stands, read once per call from the version table, the history table
 * and the scripts: which heads the scripts know, which applied scripts changed, whether a
 * previous run left a revision half applied and, against a target, whether the database
 * is at it, behind, ahead or on another branch. Runs refuse to start from it,
 * {@code status} and {@code validate} report it, and the Spring Boot startup validation
 * and health indicator map its fields; none of them has rules of its own.
 *
 * @param versionTable the version table, qualified as the engine writes it
 * @param currentHeads the revisions in the version table
 * @param unknownHeads current heads no script defines and that do not descend from
 * revisions the scripts define
 * @param newerHeads current heads no script defines that descend, by the parents the
 * history table recorded, from revisions the scripts define: a newer build applied them
 * @param newerBase the revisions of this build that {@code newerHeads} descend from
 * @param knownHeads the database's heads in this build's terms: the current heads the
 * scripts define, and {@code newerBase} in place of {@code newerHeads}
 * @param headOverlap two rows of the version table of which one is an ancestor of the
 * other, {@code null} when the table is consistent
 * @param checksums per applied revision the scripts define, whether its script still
 * matches what was applied
 * @param changedScripts applied revisions whose script changed since, in graph order
 * @param checksumsValidated whether changed scripts count as drift
 * ({@code migration.validate-checksums})
 * @param partialRun the revision a previous run left half applied, {@code null} when none
 * @param target the target the relation was computed against, {@code null} when the state
 * was read for a run (which plans for itself; then {@code pending}, {@code ahead} and
 * {@code otherBranch} are empty)
 * @param pending revisions an upgrade to the target would apply, in run order
 * @param ahead current heads beyond the target, {@code newerHeads} included
 * @param otherBranch current heads on a branch the target does not contain
 */
public record DatabaseState(String versionTable, List<String> currentHeads, List<String> unknownHeads,
		List<String> newerHeads, List<String> newerBase, List<String> knownHeads, @Nullable HeadOverlap headOverlap,
		Map<String, ChecksumStatus> checksums, List<ChangedScript> changedScripts, boolean checksumsValidated,
		@Nullable PartialRun partialRun, @Nullable String target, List<String> pending, List<String> ahead,
		List<String> otherBranch) {

	public DatabaseState {
		currentHeads = List.copyOf(currentHeads);
		unknownHeads = List.copyOf(unknownHeads);
		newerHeads = List.copyOf(newerHeads);
		newerBase = List.copyOf(newerBase);
		knownHeads = List.copyOf(knownHeads);
		checksums = Map.copyOf(checksums);
		changedScripts = List.copyOf(changedScripts);
		pending = List.copyOf(pending);
		ahead = List.copyOf(ahead);
		otherBranch = List.copyOf(otherBranch);
	}

	/**
	 * The changed scripts that count against the database: all of them when checksums are
	 * validated, none otherwise.
	 * @return the drifted revisions
	 */
	public List<ChangedScript> drifted() {
		return this.checksumsValidated ? this.changedScripts : List.of();
	}

	/**
	 * The ids of {@link #changedScripts()}.
	 * @return revision ids, in graph order
	 */
	public List<String> changedRevisions() {
		return this.changedScripts.stream().map(ChangedScript::revision).toList();
	}

	/**
	 * The one word for the database against the target, the most serious finding first:
	 * unknown revisions, drift, behind, on another branch, ahead, at the target.
	 * @return the relation
	 */
	public Relation relation() {
		if (!this.unknownHeads.isEmpty()) {
			return Relation.UNKNOWN_REVISIONS;
		}
		if (!drifted().isEmpty()) {
			return Relation.DRIFTED;
		}
		if (!this.pending.isEmpty()) {
			return Relation.BEHIND;
		}
		if (!this.otherBranch.isEmpty()) {
			return Relation.OTHER_BRANCH;
		}
		return this.ahead.isEmpty() ? Relation.AT_TARGET : Relation.AHEAD;
	}

	/**
	 * Throws when the version table holds revisions no script defines, or a revision
	 * together with one of its ancestors: planning from either would guess.
	 * @throws UnknownDatabaseRevisionException for unknown heads
	 * @throws VersionTableException for a head that is an ancestor of another
	 */
	public void requireConsistentHeads() {
		if (!this.unknownHeads.isEmpty()) {
			throw new UnknownDatabaseRevisionException(this.versionTable, this.unknownHeads);
		}
		if (this.headOverlap != null) {
			throw this.headOverlap.exception(this.versionTable);
		}
	}

	/**
	 * Throws when a newer build applied revisions this build has no script for.
	 * @param remedy what to do, one sentence
	 * @throws NewerDatabaseException naming them and the revisions they descend from
	 */
	public void requireNotNewer(String remedy) {
		if (!this.newerHeads.isEmpty()) {
			throw newer(remedy);
		}
	}

	/**
	 * The error for a database ahead of this build.
	 * @param remedy what to do, one sentence
	 * @return the exception
	 */
	public NewerDatabaseException newer(String remedy) {
		return new NewerDatabaseException(this.versionTable, this.newerHeads, this.newerBase, remedy);
	}

	/**
	 * Throws when a previous run left a revision half applied.
	 * @throws PartialMigrationException naming the revision and both ways out
	 */
	public void requireNoPartialRun() {
		if (this.partialRun != null) {
			throw this.partialRun.exception();
		}
	}

	/**
	 * Throws for the first drifted script.
	 * @throws ChecksumMismatchException naming the revision and its file
	 */
	public void requireNoDrift() {
		List<ChangedScript> drifted = drifted();
		if (!drifted.isEmpty()) {
			throw drifted.get(0).exception();
		}
	}

	/** The database against the target, as {@link #relation()} names it. */
	public enum Relation {

		/**
		 * At the target: nothing pending, nothing beyond it, nothing unknown or drifted.
		 */
		AT_TARGET,

		/** Revisions the target needs are not applied yet. */
		BEHIND,

		/**
		 * A current head descends from the target, or a newer build applied revisions
		 * beyond this build's scripts ({@link DatabaseState#newerHeads()}).
		 */
		AHEAD,

		/** A current head is on a branch the target does not contain. */
		OTHER_BRANCH,

		/** An applied script changed and checksums are validated. */
		DRIFTED,

		/**
		 * The version table holds revisions no script defines and that do not descend
		 * from revisions the scripts define, as far as the history recorded their parents
		 * (deleted scripts, another application's table, or rows written before the
		 * history recorded parents).
		 */
		UNKNOWN_REVISIONS

	}

	/**
	 * Two rows of the version table where one is an ancestor of the other: a table edited
	 * by hand or by another tool.
	 *
	 * @param ancestor the row below
	 * @param descendant the row above it
	 */
	public record HeadOverlap(String ancestor, String descendant) {

		VersionTableException exception(String versionTable) {
			return new VersionTableException(versionTable,
					"The version table " + versionTable + " holds " + this.ancestor + " and " + this.descendant
							+ ", but " + this.ancestor + " is an ancestor of " + this.descendant
							+ ", so it cannot be a current head (the table was edited by hand or by another "
							+ "tool). Run 'stamp --purge' with the revision(s) the schema really is at");
		}

	}

	/**
	 * An applied script whose checksum differs from the one recorded when it ran.
	 *
	 * @param revision the revision
	 * @param location its file or class
	 * @param appliedChecksum the checksum recorded when it was applied
	 * @param scriptChecksum the checksum of the script now
	 */
	public record ChangedScript(String revision, @Nullable String location, String appliedChecksum,
			String scriptChecksum) {

		/**
		 * The error a run or {@code validate} reports for it.
		 * @return the exception
		 */
		public ChecksumMismatchException exception() {
			return new ChecksumMismatchException(this.revision, this.location, this.appliedChecksum,
					this.scriptChecksum);
		}

	}

	/**
	 * A revision a previous run left half applied (a failure or a kill on a database
	 * whose DDL commits implicitly, or in a {@code transactional: false} revision).
	 *
	 * @param revision the revision
	 * @param location its file or class
	 * @param direction what the step was doing
	 * @param statementsDone statements recorded as completed
	 * @param statementsTotal statements in the step, when known
	 * @param error the failure, {@code null} when the process ended mid-way
	 * @param undoTarget what to stamp after undoing it by hand (the version table now)
	 * @param finishTarget what to stamp after finishing it by hand
	 */
	public record PartialRun(String revision, @Nullable String location, HistoryEntry.Direction direction,
			int statementsDone, @Nullable Integer statementsTotal, @Nullable String error, String undoTarget,
			String finishTarget) {

		/**
		 * The error a run or {@code validate} reports for it.
		 * @return the exception
		 */
		public PartialMigrationException exception() {
			return new PartialMigrationException(this.revision, this.location,
					this.direction.name().toLowerCase(Locale.ROOT), this.statementsDone, this.statementsTotal,
					this.error, this.undoTarget, this.finishTarget);
		}

	}

}
