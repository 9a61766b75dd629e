package dev.migration.autoconfigure;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.migration.HistoryEntry;
import dev.migration.command.Migrator;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Migrating through a connection of our own: {@code migration.url} (closed after use) and
 * a migration user with DDL rights beside an application user without.
 */
class MigrationDataSourceTests {

	@Test
	void migrationUrlIsMigratedAndNoConnectionStaysOpen() {
		try (TestDatabase app = TestDatabase.create(DatabaseKind.H2);
				TestDatabase migrated = TestDatabase.create(DatabaseKind.H2)) {
			StartupMigrationTests.runner(app)
				.withPropertyValues("migration.url=" + migrated.url(), "migration.user=sa")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(migrated.query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"))
						.containsExactly(List.of("1"));
					assertThat(context.getBean(Migrator.class).status().isUpToDate()).isTrue();
					assertThat(migrated.query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"))
						.containsExactly(List.of("1"));
				});
			assertThat(migrated.tables()).contains("person", "migration_version");
			assertThat(app.tables()).doesNotContain("person", "migration_version");
		}
	}

	@Test
	void migrationUserWithDdlRightsBesideAnApplicationUserWithoutOnMariaDb() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB);
				DatabaseUsers users = DatabaseUsers.create(db, db.name() + "_o", db.name() + "_a")) {
			migrateAsOwnerAndRunAsUser(users, (jdbc) -> {
				assertThat(jdbc.queryForObject("SELECT name FROM person WHERE id = 1", String.class)).isEqualTo("Ada");
				assertThatExceptionOfType(DataAccessException.class)
					.isThrownBy(() -> jdbc.execute("CREATE TABLE intruder (id INT)"))
					.havingRootCause()
					.withMessageContaining("CREATE command denied to user '" + users.user() + "'");
			});
		}
	}

	@Test
	void migrationUserOwnsTheSchemaWhileTheApplicationUserCannotChangeIt() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL);
				DatabaseUsers users = DatabaseUsers.create(db, db.name() + "_owner", db.name() + "_app")) {
			migrateAsOwnerAndRunAsUser(users, (jdbc) -> {
				assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(users.user());
				assertThat(jdbc.queryForObject("SELECT name FROM person WHERE id = 1", String.class)).isEqualTo("Ada");
				assertThatExceptionOfType(BadSqlGrammarException.class)
					.isThrownBy(() -> jdbc.execute("CREATE TABLE intruder (id INT)"))
					.havingRootCause()
					.withMessageStartingWith("ERROR: permission denied for schema " + db.name());
			});
			users.assertOwnsPersonTable();
		}
	}

	/**
	 * Start the application with the application user on spring.datasource and the schema
	 * owner as migration.user: the migration runs as the owner, then the assertions run
	 * with the application's JdbcTemplate.
	 */
	private static void migrateAsOwnerAndRunAsUser(DatabaseUsers users, Consumer<JdbcTemplate> assertions) {
		StartupMigrationTests.runner(users.db())
			.withPropertyValues("spring.datasource.username=" + users.user(),
					"spring.datasource.password=" + DatabaseUsers.USER_PASSWORD)
			.withPropertyValues(users.migrationUser())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertions.accept(context.getBean(JdbcTemplate.class));
				assertThat(context.getBean(Migrator.class).log(10)).extracting(HistoryEntry::user)
					.containsOnly(users.owner());
			});
	}

}
