package dev.migration.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationException;

/**
 * The wait loop shared by the lock implementations: a waiting run says every 10 s who
 * holds the lock and how long it will still wait.
 */
final class Polling {

	static final String APPLICATION_NAME = "migration";

	/** System property: milliseconds between the log lines of a waiting run. */
	static final String WAIT_LOG_INTERVAL_PROPERTY = "migration.lock.wait-log-interval-ms";

	private static final Duration DEFAULT_WAIT_LOG_INTERVAL = Duration.ofSeconds(10);

	private static final Logger log = LoggerFactory.getLogger(MigrationLock.class);

	private static final long MAX_SLEEP_MILLIS = 200;

	private Polling() {
	}

	/** An attempt to take a lock without waiting. */
	@FunctionalInterface
	interface Attempt {

		boolean tryOnce() throws Exception;

	}

	/** Tells who holds the lock, or {@code null} when the database cannot tell. */
	@FunctionalInterface
	interface Holder {

		@Nullable String describe() throws Exception;

	}

	/**
	 * Try until the attempt succeeds or the timeout passes, logging every
	 * {@link #waitLogInterval()} who holds the lock and how long is left.
	 * @return whether the lock was taken
	 */
	static boolean poll(Attempt attempt, Duration timeout, String what, Holder holder) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		long interval = waitLogInterval().toNanos();
		long nextReport = started + interval;
		try {
			while (true) {
				if (attempt.tryOnce()) {
					return true;
				}
				long now = System.nanoTime();
				long remaining = deadline - now;
				if (remaining <= 0) {
					return false;
				}
				if (now >= nextReport) {
					report(what, holder, now - started, remaining);
					nextReport = now + interval;
				}
				Thread.sleep(Math.max(1, Math.min(MAX_SLEEP_MILLIS, remaining / 1_000_000)));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock (" + what + ")", ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new MigrationException("Cannot take the migration lock (" + what + "): " + ex.getMessage(), ex);
		}
	}

	private static void report(String what, Holder holder, long waitedNanos, long remainingNanos) {
		String who;
		try {
			who = holder.describe();
		}
		catch (Exception ex) {
			who = null;
		}
		log.info("Waiting for the migration lock ({}): held by {}; waited {}s, {}s left before migration.lock-timeout",
				what, (who != null && !who.isBlank()) ? who : "a session the database does not name",
				waitedNanos / 1_000_000_000L, (remainingNanos + 999_999_999L) / 1_000_000_000L);
	}

	/**
	 * How often a waiting run logs: 10 s, or the milliseconds in the system property
	 * {@value #WAIT_LOG_INTERVAL_PROPERTY} (tests shorten it).
	 */
	static Duration waitLogInterval() {
		Long millis = Long.getLong(WAIT_LOG_INTERVAL_PROPERTY);
		return (millis != null && millis > 0) ? Duration.ofMillis(millis) : DEFAULT_WAIT_LOG_INTERVAL;
	}

	static long key(String scope) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("dev.migration:" + scope).getBytes(StandardCharsets.UTF_8));
			long key = 0;
			for (int i = 0; i < 8; i++) {
				key = (key << 8) | (digest[i] & 0xff);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
