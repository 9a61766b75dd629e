package dev.migration.lock;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.migration.LockTimeoutException;
import dev.migration.MigrationException;
import dev.migration.sql.Dialect;

/**
 * H2 and SQLite: a JVM-wide lock per database and scope, plus an OS file lock beside a
 * database file. A {@link Semaphore} rather than a thread-owned lock, because the JVM
 * lock guards the file lock, which Java cannot take twice in one process. The lock file
 * holds who took it (process, host, time) for the timeout message; it stays in place
 * because deleting it would race with the next taker.
 */
final class FileDatabaseLock extends HeldLock {

	private static final Map<String, Semaphore> jvmLocks = new ConcurrentHashMap<>();

	private static final Map<String, String> jvmHolders = new ConcurrentHashMap<>();

	private final String key;

	private final Semaphore semaphore;

	private final @Nullable FileChannel channel;

	private final @Nullable FileLock fileLock;

	private FileDatabaseLock(String key, Semaphore semaphore, @Nullable FileChannel channel,
			@Nullable FileLock fileLock, String description) {
		super(description);
		this.key = key;
		this.semaphore = semaphore;
		this.channel = channel;
		this.fileLock = fileLock;
	}

	static MigrationLock acquire(Dialect dialect, String url, String scope, Duration timeout) {
		Path file = lockFile(dialect, url);
		String key = ((file != null) ? file.toString() : url) + "#" + scope;
		String description = (file != null) ? "file lock " + file + " for " + scope
				: "in-process lock on " + url + " for " + scope;
		Semaphore semaphore = jvmLocks.computeIfAbsent(key, (k) -> new Semaphore(1));
		long start = System.nanoTime();
		boolean acquired;
		try {
			acquired = semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting for the migration lock (" + description + ")", ex);
		}
		if (!acquired) {
			throw new LockTimeoutException(description, timeout,
					"another migration run in this process (thread '" + jvmHolders.get(key) + "')");
		}
		jvmHolders.put(key, Thread.currentThread().getName());
		if (file == null) {
			return new FileDatabaseLock(key, semaphore, null, null, description);
		}
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock[] taken = new FileLock[1];
			Duration left = timeout.minusNanos(System.nanoTime() - start);
			boolean locked = Polling.poll(() -> (taken[0] = channel.tryLock()) != null,
					left.isNegative() ? Duration.ZERO : left, description,
					() -> Files.readString(file, StandardCharsets.UTF_8).strip());
			if (!locked) {
				String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
				channel.close();
				releaseJvmLock(key, semaphore);
				throw new LockTimeoutException(description, timeout, holder.isEmpty() ? null : holder);
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap(whoAmI().getBytes(StandardCharsets.UTF_8)), 0);
			channel.force(false);
			return new FileDatabaseLock(key, semaphore, channel, taken[0], description);
		}
		catch (IOException ex) {
			releaseJvmLock(key, semaphore);
			throw new MigrationException("Cannot take the migration lock (" + description + "): " + ex.getMessage()
					+ ". Check that the directory of the database file is writable", ex);
		}
		catch (RuntimeException ex) {
			releaseJvmLock(key, semaphore);
			throw ex;
		}
	}

	private static String whoAmI() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (IOException ex) {
			host = "unknown host";
		}
		return "process " + ManagementFactory.getRuntimeMXBean().getPid() + " on " + host + " (thread '"
				+ Thread.currentThread().getName() + "', since " + Instant.now() + ")";
	}

	/**
	 * The lock file beside a file database, or {@code null} for in-memory and server
	 * databases.
	 */
	static @Nullable Path lockFile(Dialect dialect, String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		String path;
		if (dialect == Dialect.SQLITE) {
			if (!lower.startsWith("jdbc:sqlite:")) {
				return null;
			}
			path = url.substring("jdbc:sqlite:".length());
			if (path.startsWith("file:")) {
				path = path.substring("file:".length());
			}
			int query = path.indexOf('?');
			path = (query >= 0) ? path.substring(0, query) : path;
			if (path.isEmpty() || path.contains(":memory:") || lower.contains("mode=memory")) {
				return null;
			}
			return Path.of(path + ".migration.lock");
		}
		if (!lower.startsWith("jdbc:h2:")) {
			return null;
		}
		path = url.substring("jdbc:h2:".length());
		String pathLower = path.toLowerCase(Locale.ROOT);
		if (pathLower.startsWith("mem:") || pathLower.startsWith("tcp:") || pathLower.startsWith("ssl:")
				|| pathLower.startsWith("zip:")) {
			return null;
		}
		if (pathLower.startsWith("file:")) {
			path = path.substring("file:".length());
		}
		int params = path.indexOf(';');
		path = (params >= 0) ? path.substring(0, params) : path;
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Path.of(path + ".migration.lock");
	}

	private static void releaseJvmLock(String key, Semaphore semaphore) {
		jvmHolders.remove(key);
		semaphore.release();
	}

	@Override
	void release() throws IOException {
		// the OS drops the file lock with the process at the latest
		if (this.fileLock != null) {
			this.fileLock.release();
		}
		if (this.channel != null) {
			this.channel.close();
		}
	}

	@Override
	void letGo() {
		releaseJvmLock(this.key, this.semaphore);
	}

}
