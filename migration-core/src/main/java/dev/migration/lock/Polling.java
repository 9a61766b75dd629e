package dev.migration.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

import dev.migration.MigrationException;

/** The wait loop shared by the lock implementations. */
final class Polling {

	static final String APPLICATION_NAME = "migration";

	private static final long MAX_SLEEP_MILLIS = 200;

	private Polling() {
	}

	/** An attempt to take a lock without waiting. */
	@FunctionalInterface
	interface Attempt {

		boolean tryOnce() throws Exception;

	}

	/**
	 * Try until the attempt succeeds or the timeout passes.
	 * @return whether the lock was taken
	 */
	static boolean poll(Attempt attempt, Duration timeout, String what) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (true) {
				if (attempt.tryOnce()) {
					return true;
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					return false;
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
