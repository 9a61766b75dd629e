package dev.migration;

import java.util.Locale;

/**
 * How migration runs exclude each other ({@code migration.lock}).
 */
public enum LockMode {

	/**
	 * The session lock, except where a session lock does not exclude anything: through
	 * PgBouncer (or a similar pooler) in transaction pooling mode, and on a MariaDB
	 * Galera cluster ({@code wsrep_on}), where the lease table is used instead.
	 */
	AUTO,

	/**
	 * PostgreSQL advisory lock, MariaDB/MySQL {@code GET_LOCK}, or a file lock beside an
	 * H2/SQLite database file: held by one session (or process) and gone with it.
	 */
	SESSION,

	/**
	 * A lease row in a lock table beside the version table, renewed by a heartbeat, taken
	 * over only after it expires, and checked when the version table is written.
	 */
	TABLE;

	/**
	 * Parse a property value ({@code auto}, {@code session}, {@code table}).
	 * @param property the property, for the message
	 * @param value the value
	 * @return the mode
	 * @throws InvalidConfigurationException for anything else
	 */
	public static LockMode of(String property, String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationException(property, "must be auto, session or table (was '" + value + "')");
		}
	}

}
