package dev.migration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@code repair} recorded, each item with a history row of direction {@code REPAIR}.
 *
 * @param checksums applied revisions whose recorded checksum was replaced by the script's
 * current one
 * @param clearedPartialRun the half-applied revision whose marker was cleared, or
 * {@code null}
 */
public record RepairResult(List<Checksum> checksums, DatabaseState.@Nullable PartialRun clearedPartialRun) {

	public RepairResult {
		checksums = List.copyOf(checksums);
	}

	/** Whether nothing needed repair. */
	public boolean isEmpty() {
		return this.checksums.isEmpty() && this.clearedPartialRun == null;
	}

	/**
	 * One re-recorded checksum.
	 *
	 * @param revision the revision
	 * @param location its file or class
	 * @param oldChecksum what was recorded, {@code null} when nothing was (a Java
	 * revision applied before Java revisions had checksums)
	 * @param newChecksum what is recorded now
	 */
	public record Checksum(String revision, @Nullable String location, @Nullable String oldChecksum,
			String newChecksum) {
	}

}
