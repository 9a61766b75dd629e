package dev.migration.lock;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.ScaleOut;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code migration.lock=auto} sees: session locks are unsafe only where they are.
 */
class SessionSafetyTests {

	@Test
	void transactionPoolingPgBouncerMakesSessionLocksUnsafe() throws Exception {
		try (TestDatabase db = ScaleOut.pgbouncer(); Connection connection = db.connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, db.dataSource(), Dialect.POSTGRESQL))
				.matches("(two connections share PostgreSQL server process \\d+|the connection's PostgreSQL server "
						+ "process changed from \\d+ to \\d+ between transactions) \\(a pooler in transaction mode, "
						+ "such as PgBouncer\\)");
		}
	}

	@Test
	void directPostgresqlConnectionKeepsSessionLocks() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection connection = db.connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, db.dataSource(), Dialect.POSTGRESQL)).isNull();
		}
	}

	@Test
	void galeraNodeMakesSessionLocksUnsafe() throws Exception {
		try (ScaleOut.Galera galera = ScaleOut.galera(); Connection connection = galera.nodes().get(1).connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, galera.nodes().get(1).dataSource(), Dialect.MYSQL))
				.isEqualTo("the server is a Galera cluster node (wsrep_on = ON)");
		}
	}

	@Test
	void plainMariadbKeepsSessionLocks() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB); Connection connection = db.connect()) {
			assertThat(SessionSafety.unsafeBecause(connection, db.dataSource(), Dialect.MYSQL)).isNull();
		}
	}

}
