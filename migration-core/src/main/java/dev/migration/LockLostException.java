package dev.migration;

import org.jspecify.annotations.Nullable;

/**
 * The lease lock ({@code migration.lock=table}) was no longer this run's when it was
 * about to write the version table: the lease expired (the process stalled longer than
 * {@code migration.lock-lease}) and another run took it over. The step's transaction is
 * rolled back, so the version table is left as the new holder sees it.
 */
public class LockLostException extends VersionTableException {

	private final @Nullable String holder;

	public LockLostException(String table, String lock, @Nullable String holder) {
		super(table,
				"Lost the migration lock (" + lock + ") before writing the version table " + table + ": "
						+ ((holder != null) ? "it is now held by " + holder : "its lease row is gone")
						+ ". This run stalled longer than its lease and another run took over, so the step was rolled "
						+ "back and this run stops. Check 'current' when the other run has finished, and raise "
						+ "migration.lock-lease if this process pauses for long (GC, suspended VM)");
		this.holder = holder;
	}

	/** Who holds the lease now, if anybody. */
	public @Nullable String getHolder() {
		return this.holder;
	}

}
