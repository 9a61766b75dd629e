package dev.migration.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Testcontainers fallback, used only where a Docker engine runs. */
final class Containers {

	private Containers() {
	}

	static TestDatabase.Server start(DatabaseKind kind) {
		try {
			if (!DockerClientFactory.instance().isDockerAvailable()) {
				return null;
			}
		}
		catch (Throwable ex) {
			return null;
		}
		return switch (kind) {
			case POSTGRESQL -> {
				PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
				container.start();
				yield new TestDatabase.Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			case MARIADB -> {
				MariaDBContainer container = new MariaDBContainer("mariadb:11");
				container.withUsername("root").withPassword("");
				container.start();
				yield new TestDatabase.Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			default -> null;
		};
	}

}
