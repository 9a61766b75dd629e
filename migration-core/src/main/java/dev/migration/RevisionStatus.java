package dev.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One revision as the status reports it.
 *
 * @param id the revision id
 * @param message the message ({@code ""} for unknown revisions)
 * @param revises parent ids
 * @param dependsOn dependencies
 * @param branchLabels labels
 * @param kind SQL or JAVA; {@code null} for a revision no script defines
 * @param location file or class; {@code null} for a revision no script defines
 * @param state applied, pending, unknown to the scripts, or applied by a newer build
 * @param appliedAt when its last successful upgrade finished, if applied
 * @param duration how long that upgrade took, if known
 * @param checksum the checksum of the script now
 * @param checksumStatus whether the applied checksum matches the script
 * @param repeatable whether it is a repeatable script (applied means: run at its current
 * checksum)
 */
public record RevisionStatus(String id, String message, List<String> revises, List<String> dependsOn,
		List<String> branchLabels, Revision.@Nullable Kind kind, @Nullable String location, State state,
		@Nullable Instant appliedAt, @Nullable Duration duration, @Nullable String checksum,
		ChecksumStatus checksumStatus, boolean repeatable) {

	public RevisionStatus {
		revises = List.copyOf(revises);
		dependsOn = List.copyOf(dependsOn);
		branchLabels = List.copyOf(branchLabels);
	}

	/** Where a revision stands in the database. */
	public enum State {

		/** At or below a current head. */
		APPLIED,

		/** Not yet applied. */
		PENDING,

		/** In the version table but in no script. */
		UNKNOWN,

		/**
		 * Applied by a newer build: in no script of this build, but descending from
		 * revisions it knows (the history recorded its parents).
		 */
		NEWER

	}

	/** Whether the script still matches what was applied. */
	public enum ChecksumStatus {

		/** Applied checksum equals the script's. */
		OK,

		/** The script was edited after it was applied. */
		CHANGED,

		/** Nothing to compare (pending, stamped, Java without checksum, or unknown). */
		NOT_APPLICABLE

	}

}
