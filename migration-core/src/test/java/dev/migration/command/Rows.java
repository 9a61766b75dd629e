package dev.migration.command;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the engine's tables in a database-neutral form for assertions. */
final class Rows {

	private Rows() {
	}

	static List<String> versions(TestDatabase database) {
		List<String> rows = new ArrayList<>();
		for (List<String> row : database.query("SELECT version_num FROM migration_version ORDER BY version_num")) {
			rows.add(row.get(0));
		}
		return rows;
	}

	/**
	 * Upgrades to the target, then checks that the version table holds exactly the given
	 * revisions (none: it is empty).
	 */
	static void upgradeTo(Migrator migrator, TestDatabase database, String target, String... versions) {
		migrator.upgrade(target);
		assertThat(versions(database)).containsExactly(versions);
	}

	/**
	 * Downgrades to the target, then checks that the version table holds exactly the
	 * given revisions (none: it is empty).
	 */
	static void downgradeTo(Migrator migrator, TestDatabase database, String target, String... versions) {
		migrator.downgrade(target);
		assertThat(versions(database)).containsExactly(versions);
	}

	/** History rows as {@code revision direction success done/total}. */
	static List<String> history(TestDatabase database) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT revision, direction, success, statements_done, "
						+ "statements_total FROM migration_history ORDER BY id")) {
			List<String> rows = new ArrayList<>();
			while (rs.next()) {
				boolean success = rs.getBoolean(3);
				String outcome = rs.wasNull() ? "running" : (success ? "ok" : "failed");
				rows.add(rs.getString(1) + " " + rs.getString(2) + " " + outcome + " " + rs.getString(4) + "/"
						+ rs.getString(5));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Tables other than the engine's own. */
	static List<String> userTables(TestDatabase database) {
		List<String> tables = new ArrayList<>(database.tables());
		tables.remove("migration_version");
		tables.remove("migration_history");
		tables.remove("migration_history_format");
		tables.remove("sqlite_sequence");
		return tables;
	}

}
