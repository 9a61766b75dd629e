package dev.migration;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One row of the append-only history table.
 *
 * @param id the row's sequence number
 * @param revision the revision id
 * @param direction what was done
 * @param checksum the script checksum at the time, if any
 * @param startedAt when the step started
 * @param duration how long it took
 * @param user the database user that ran it
 * @param success whether it succeeded
 * @param error the error message of a failed step
 */
public record HistoryEntry(long id, String revision, Direction direction, @Nullable String checksum, Instant startedAt,
		Duration duration, @Nullable String user, boolean success, @Nullable String error) {

	/**
	 * What a step did; {@code REPAIR} rows record a new checksum for an applied revision
	 * or the clearing of a half-applied one ({@code migration repair}).
	 */
	public enum Direction {

		UPGRADE, DOWNGRADE, STAMP, REPAIR

	}

}
