package dev.migration.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * A linear chain of tiny revisions: revision {@code n} inserts {@code n} into the side
 * effect table {@code side_effect} and creates table {@code t_<n>}. One revision may
 * sleep so that kills land inside a revision too.
 */
final class Workload {

	private Workload() {
	}

	static String id(int n) {
		return String.format("%012x", n);
	}

	/** The revision number of an id written by {@link #id(int)}. */
	static int number(String id) {
		return Integer.parseInt(id, 16);
	}

	/**
	 * Write {@code count} revisions into a new folder.
	 * @param sleepingRevision revision that sleeps ~200 ms before its side effects, 0 for
	 * none
	 */
	static Path write(Path parent, DatabaseKind kind, int count, int sleepingRevision) throws IOException {
		Path folder = Files.createDirectories(parent.resolve("migrations"));
		for (int n = 1; n <= count; n++) {
			StringBuilder sql = new StringBuilder();
			sql.append("-- migration: step ").append(n).append('\n');
			sql.append("-- revision: ").append(id(n)).append('\n');
			if (n > 1) {
				sql.append("-- revises: ").append(id(n - 1)).append('\n');
			}
			sql.append("\n-- +upgrade\n");
			if (n == sleepingRevision) {
				sql.append((kind == DatabaseKind.POSTGRESQL) ? "SELECT pg_sleep(0.2);\n" : "SELECT SLEEP(0.2);\n");
			}
			sql.append("INSERT INTO side_effect (revision) VALUES (").append(n).append(");\n");
			sql.append("CREATE TABLE t_").append(n).append(" (id INT);\n");
			sql.append("\n-- +downgrade\nDROP TABLE t_").append(n).append(";\n");
			sql.append("DELETE FROM side_effect WHERE revision = ").append(n).append(";\n");
			Files.writeString(folder.resolve(id(n) + "_step_" + n + ".sql"), sql.toString());
		}
		return folder;
	}

	/**
	 * The side effect table, created outside the migrations. An empty version table goes
	 * with it: a schema that holds objects but no version table is refused as not built
	 * by the tool (baseline), and this one is the tool's from the start.
	 */
	static void prepare(TestDatabase db) {
		db.execute("CREATE TABLE migration_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)");
		db.execute("CREATE TABLE side_effect (revision INT NOT NULL)");
	}

	/** Revision numbers whose {@code t_<n>} table exists. */
	static Set<Integer> createdTables(TestDatabase db) {
		Set<Integer> numbers = new TreeSet<>();
		for (String table : db.tables()) {
			if (table.startsWith("t_")) {
				numbers.add(Integer.parseInt(table.substring(2)));
			}
		}
		return numbers;
	}

	/**
	 * Revision numbers in the side effect table (a set: duplicates are counted apart).
	 */
	static Set<Integer> sideEffects(TestDatabase db) {
		Set<Integer> numbers = new TreeSet<>();
		for (var row : db.query("SELECT revision FROM side_effect")) {
			numbers.add(Integer.parseInt(row.get(0)));
		}
		return numbers;
	}

	static long sideEffectRows(TestDatabase db) {
		return Long.parseLong(db.query("SELECT COUNT(*) FROM side_effect").get(0).get(0));
	}

	/** Successful upgrade rows in the history table. */
	static long successfulUpgrades(TestDatabase db) {
		return Long
			.parseLong(db.query("SELECT COUNT(*) FROM migration_history WHERE direction = 'UPGRADE' AND success = TRUE")
				.get(0)
				.get(0));
	}

	/** The version table's rows. */
	static Set<String> versionTable(TestDatabase db) {
		Set<String> heads = new TreeSet<>();
		for (var row : db.query("SELECT version_num FROM migration_version")) {
			heads.add(row.get(0));
		}
		return heads;
	}

}
