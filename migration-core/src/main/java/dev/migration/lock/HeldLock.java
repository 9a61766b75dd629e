package dev.migration.lock;

import java.io.IOException;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock its holder releases itself when the run ends, and that dies with the holder at
 * the latest (the database session, or the process for an OS file lock): a failed release
 * is logged, never thrown, and what the lock holds is let go either way.
 */
abstract class HeldLock implements MigrationLock {

	private static final Logger log = LoggerFactory.getLogger(HeldLock.class);

	private final String description;

	HeldLock(String description) {
		this.description = description;
	}

	/**
	 * Give the lock back.
	 * @throws SQLException from the database
	 * @throws IOException from the file system
	 */
	abstract void release() throws SQLException, IOException;

	/** Let go of what held the lock (its connection, its JVM-wide slot); never throws. */
	abstract void letGo();

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public void close() {
		try {
			release();
		}
		catch (SQLException | IOException ex) {
			// the lock ends with its holder at the latest
			log.warn("Could not release {}: {}", this.description, ex.getMessage());
		}
		finally {
			letGo();
		}
	}

}
