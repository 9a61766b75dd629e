package dev.migration.test;

import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Spring JDBC, touched only when a step asks for a {@code JdbcClient}. */
final class SpringJdbc {

	static final String CLIENT = "org.springframework.jdbc.core.simple.JdbcClient";

	private SpringJdbc() {
	}

	static JdbcClient client(DataSource dataSource) {
		if (!Requirements.present(CLIENT)) {
			throw new MigrationCheckFailure("data migration", null, null,
					"A step asks for a JdbcClient, but spring-jdbc is not on the test class path: add it, or take a "
							+ "Connection (thenOnConnection(...), or a Connection parameter)",
					List.of(), null);
		}
		return JdbcClient.create(dataSource);
	}

}
