package dev.migration;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The database lock that serialises migration runs was not acquired in time. Says how
 * long it waited and, where the database can tell, who holds it.
 */
public class LockTimeoutException extends MigrationException {

	private final String lock;

	private final Duration waited;

	private final @Nullable String holder;

	public LockTimeoutException(String lock, Duration waited, @Nullable String holder) {
		super("Timed out after " + format(waited) + " waiting for the migration lock (" + lock + "); "
				+ ((holder != null) ? "it is held by " + holder : "the database does not say who holds it")
				+ ". Another migration is probably running: wait for it to finish, end that session if it is "
				+ "stuck, or raise migration.lock-timeout");
		this.lock = lock;
		this.waited = waited;
		this.holder = holder;
	}

	static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/** Which lock: kind and key or name. */
	public String getLock() {
		return this.lock;
	}

	public Duration getWaited() {
		return this.waited;
	}

	/** Who holds the lock, when the database can tell. */
	public @Nullable String getHolder() {
		return this.holder;
	}

}
