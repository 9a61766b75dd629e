package dev.migration.autoconfigure;

import java.util.List;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema owner with DDL rights and an application user with data rights only, on a
 * PostgreSQL or MariaDB test database: the split a migration user exists for. Closing
 * drops both.
 *
 * @param db the database
 * @param owner the schema owner, whose password is {@link #OWNER_PASSWORD}
 * @param user the application user, whose password is {@link #USER_PASSWORD}
 */
record DatabaseUsers(TestDatabase db, String owner, String user) implements AutoCloseable {

	static final String OWNER_PASSWORD = "owner-secret";

	static final String USER_PASSWORD = "app-secret";

	static DatabaseUsers create(TestDatabase db, String owner, String user) {
		if (db.kind() == DatabaseKind.MARIADB) {
			db.execute("CREATE USER '" + owner + "'@'%' IDENTIFIED BY '" + OWNER_PASSWORD + "'",
					"CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + USER_PASSWORD + "'",
					"GRANT ALL PRIVILEGES ON " + db.name() + ".* TO '" + owner + "'@'%'",
					"GRANT SELECT, INSERT, UPDATE, DELETE ON " + db.name() + ".* TO '" + user + "'@'%'");
		}
		else {
			db.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + OWNER_PASSWORD + "'",
					"CREATE ROLE " + user + " LOGIN PASSWORD '" + USER_PASSWORD + "'",
					"GRANT USAGE, CREATE ON SCHEMA " + db.name() + " TO " + owner,
					"GRANT USAGE ON SCHEMA " + db.name() + " TO " + user, "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner
							+ " IN SCHEMA " + db.name() + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + user);
		}
		return new DatabaseUsers(db, owner, user);
	}

	/** The migration user's properties: {@code migration.user} is the owner. */
	String[] migrationUser() {
		return new String[] { "migration.user=" + this.owner, "migration.password=" + OWNER_PASSWORD };
	}

	/**
	 * PostgreSQL: the migrated table belongs to the owner, not to the application user.
	 */
	void assertOwnsPersonTable() {
		assertThat(this.db.query("SELECT tableowner FROM pg_tables WHERE schemaname = '" + this.db.name()
				+ "' AND tablename = 'person'"))
			.containsExactly(List.of(this.owner));
	}

	@Override
	public void close() {
		if (this.db.kind() == DatabaseKind.MARIADB) {
			this.db.execute("DROP USER '" + this.owner + "'@'%'", "DROP USER '" + this.user + "'@'%'");
		}
		else {
			this.db.execute("DROP OWNED BY " + this.owner, "DROP OWNED BY " + this.user, "DROP ROLE " + this.owner,
					"DROP ROLE " + this.user);
		}
	}

}
