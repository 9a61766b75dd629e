package dev.migration.autogenerate;

import java.sql.Connection;

import dev.migration.sql.Dialect;
import dev.migration.testing.TestContext;

/** Runs operations on a connection (autocommit): the core tests' context, online. */
final class JdbcContext extends TestContext {

	JdbcContext(Dialect dialect, Connection connection) {
		super(dialect, connection);
	}

}
