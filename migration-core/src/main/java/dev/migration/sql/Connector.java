package dev.migration.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MigrationConfig;
import dev.migration.MigrationException;

/**
 * Opens a migration connection: retries while the database is still starting
 * ({@code connect-retries}, waits doubling from 1s up to
 * {@code connect-retries-interval}), then runs {@code init-sqls} on it.
 */
public final class Connector {

	private static final Logger log = LoggerFactory.getLogger(Connector.class);

	private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

	private Connector() {
	}

	/**
	 * A connection, retried as configured.
	 * @param dataSource the database
	 * @param config the retry settings
	 * @return an open connection (init SQL not yet run)
	 * @throws MigrationException when the last attempt fails, with its
	 * {@link SQLException} as the cause
	 */
	public static Connection connect(DataSource dataSource, MigrationConfig config) {
		Duration wait = min(FIRST_WAIT, config.connectRetriesInterval());
		for (int attempt = 0;; attempt++) {
			try {
				return dataSource.getConnection();
			}
			catch (SQLException ex) {
				String reason = String.valueOf(ex.getMessage()).strip();
				if (attempt >= config.connectRetries()) {
					String retried = (attempt > 0) ? " (after " + attempt + " retries)" : "";
					throw new MigrationException("Cannot connect to the database (" + dataSource + ")" + retried + ": "
							+ reason + (reason.endsWith(".") ? "" : ".")
							+ " Check migration.url, migration.user and migration.password, and that the database is up"
							+ ((attempt > 0) ? " (or raise migration.connect-retries)" : ""), ex);
				}
				log.warn("Cannot connect to the database ({}): {}; retry {} of {} in {} ms", dataSource, reason,
						attempt + 1, config.connectRetries(), wait.toMillis());
				sleep(wait);
				wait = min(wait.multipliedBy(2), config.connectRetriesInterval());
			}
		}
	}

	/** Runs the init statements; closes the connection and throws when one fails. */
	public static void initialize(Connection connection, List<String> initSqls) {
		for (int i = 0; i < initSqls.size(); i++) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(initSqls.get(i));
			}
			catch (SQLException ex) {
				throw new MigrationException("migration.init-sqls[" + i + "] failed: " + ex.getMessage()
						+ ". Fix the statement '" + initSqls.get(i) + "'", ex);
			}
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleep(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationException("Interrupted while waiting to connect to the database again", ex);
		}
	}

}
