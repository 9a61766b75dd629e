package dev.migration.command;

import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.LockMode;
import dev.migration.MigrationConfig;
import dev.migration.lock.LockRequest;
import dev.migration.lock.MigrationLock;

/**
 * Work a command does in its session while holding the database lock, scoped to the
 * version table; a lock that can be lost (a lease) also fences every version-table
 * change.
 */
final class UnderLock {

	/** Reported under the migrator's name, where users look for it. */
	private static final Logger log = LoggerFactory.getLogger(Migrator.class);

	private UnderLock() {
	}

	/** Work done while holding the lock. */
	@FunctionalInterface
	interface Work<T> {

		T run() throws SQLException;

	}

	static <T> T run(Session session, MigrationConfig config, Work<T> work) throws SQLException {
		session.endStatementsOfDeadClients();
		String scope = session.tables.effectiveSchema(session.connection) + "." + config.versionTable();
		try (MigrationLock lock = MigrationLock.acquire(request(session, config, scope), config.lockMode(),
				session.connection, session.sink.gate())) {
			log.debug("Holding {}", lock.description());
			if (lock.fences()) {
				session.heads.fence((sink) -> lock.fence(sink.connection(), session.tables.version()));
			}
			else if (config.lockMode() == LockMode.AUTO) {
				// a session lock that auto chose: the session is proven to be one server
				// session for the whole run (through a transaction-pooling PgBouncer auto
				// takes the lease), so it can hold prepared statements
				session.sink.prepareWrites();
			}
			return work.run();
		}
	}

	private static LockRequest request(Session session, MigrationConfig config, String scope) {
		return new LockRequest(session.dataSource, session.dialect, session.url(), session.tables.schema(),
				session.tables.lock(), scope, config.lockTimeout(), config.lockLease(), false);
	}

}
