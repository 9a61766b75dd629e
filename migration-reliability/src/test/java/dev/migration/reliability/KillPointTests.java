package dev.migration.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL an upgrade on MariaDB at seeded moments inside its revisions (before or after a
 * statement, or with every statement done and the version table not yet written) and
 * count how many of the next runs finish the interrupted revision without a person. The
 * revisions are small and made of the statement forms the resumption decides from the
 * catalog, with data changes between them, so every kill leaves a revision in doubt,
 * except one before a revision's first statement: the history row's opening commits with
 * that statement's implicit commit (MariaDB commits before DDL), so such a kill leaves
 * nothing begun, and the next run applies the revision as new.
 */
class KillPointTests extends ReliabilityTest {

	private static final int REVISIONS = 24;

	private static final int KILLS = 20;

	/** Moments per revision: before and after 7 statements, and the version write. */
	private static final int MOMENTS = 15;

	@Test
	void killedRevisionsOnMariadbResumeWithoutAPerson() throws Exception {
		long seed = seed("KillPointTests");
		Random random = new Random(seed);
		Path folder = write(this.dir.resolve("migrations"));
		int kills = 0;
		int resumed = 0;
		int inDoubt = 0;
		int databases = 0;
		while (kills < KILLS) {
			databases++;
			try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
				Workload.prepare(db);
				int killsHere = 0;
				int inDoubtHere = 0;
				while (kills < KILLS) {
					// about the whole chain over the kills, a few revisions per kill
					int point = 1 + random.nextInt(2 * REVISIONS * MOMENTS / KILLS);
					String what = "kill " + (kills + 1) + " at moment " + point + " (seed " + seed + ")";
					if (!runUntil(db, folder, point, what)) {
						break;
					}
					kills++;
					killsHere++;
					inDoubtHere += count(db, "SELECT COUNT(*) FROM migration_history WHERE success IS NULL");
				}
				assertThat(runUntil(db, folder, 0, "the run after the kills (seed " + seed + ")")).isFalse();
				assertComplete(db, "seed " + seed);
				int resumedHere = Integer.parseInt(db
					.query("SELECT COUNT(*) FROM migration_history WHERE "
							+ "error_message LIKE 'The process ended mid-way; the next run resumed it:%'")
					.get(0)
					.get(0));
				// a later run resumed every revision a kill left in doubt
				assertThat(resumedHere).as("seed " + seed).isEqualTo(inDoubtHere);
				resumed += resumedHere;
				inDoubt += inDoubtHere;
			}
		}
		System.out.println("KillPointTests: " + kills + " SIGKILLs inside revisions on " + databases
				+ " MariaDB database(s); " + inDoubt + " left a revision in doubt, " + resumed
				+ " resumed without a person, " + (inDoubt - resumed) + " needed one");
		// a kill before a revision's first statement is the only one that leaves none
		assertThat(inDoubt).as("seed " + seed).isGreaterThanOrEqualTo(kills / 2);
		assertThat(inDoubt - resumed).isLessThanOrEqualTo(kills / 10);
	}

	/**
	 * Run an upgrade that waits at the kill point, and SIGKILL it there.
	 * @return {@code true} when it was killed, {@code false} when it completed first
	 */
	private boolean runUntil(TestDatabase db, Path folder, int point, String what) throws Exception {
		Path out = this.dir.resolve("run.out");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				KillPointRun.class.getName(), db.url(), db.user(), db.password(), "filesystem:" + folder,
				String.valueOf(point))
			.redirectErrorStream(true)
			.redirectOutput(out.toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		while (System.nanoTime() < deadline) {
			if (Files.readString(out).contains(KillPointRun.AT_KILL_POINT)) {
				process.destroyForcibly();
				assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
				return true;
			}
			if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
				// a run that stops for a person fails here, with its message
				assertThat(process.exitValue()).as(what + ": " + Files.readString(out)).isZero();
				return false;
			}
		}
		process.destroyForcibly();
		throw new AssertionError(
				what + ": neither reached its kill point nor ended in 120 s: " + Files.readString(out));
	}

	private static Path write(Path folder) throws IOException {
		Files.createDirectories(folder);
		for (int n = 1; n <= REVISIONS; n++) {
			String body = """
					CREATE TABLE k_%1$d (id INT NOT NULL);
					INSERT INTO side_effect (revision) VALUES (%1$d);
					ALTER TABLE k_%1$d ADD COLUMN c INT;
					CREATE INDEX i_%1$d ON k_%1$d (c);
					ALTER TABLE k_%1$d RENAME COLUMN c TO d;
					ALTER TABLE k_%1$d ADD PRIMARY KEY (id);
					CREATE VIEW v_%1$d AS SELECT id, d FROM k_%1$d;
					""".formatted(n);
			Files.writeString(folder.resolve(Workload.id(n) + "_k_" + n + ".sql"),
					"-- migration: kill point " + n + "\n-- revision: " + Workload.id(n) + "\n"
							+ ((n > 1) ? "-- revises: " + Workload.id(n - 1) + "\n" : "") + "\n-- +upgrade\n" + body);
		}
		return folder;
	}

	/** Every revision applied exactly once: catalog, data, version table, history. */
	private static void assertComplete(TestDatabase db, String what) {
		String schema = "TABLE_SCHEMA = DATABASE()";
		assertThat(
				count(db,
						"SELECT COUNT(*) FROM information_schema.TABLES WHERE " + schema
								+ " AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME LIKE 'k\\_%'"))
			.as(what)
			.isEqualTo(REVISIONS);
		assertThat(count(db, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE " + schema
				+ " AND TABLE_NAME LIKE 'k\\_%' AND COLUMN_NAME = 'd'"))
			.as(what)
			.isEqualTo(REVISIONS);
		assertThat(count(db, "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE " + schema
				+ " AND TABLE_NAME LIKE 'k\\_%' AND COLUMN_NAME = 'c'"))
			.as(what)
			.isZero();
		assertThat(count(db, "SELECT COUNT(DISTINCT TABLE_NAME, INDEX_NAME) FROM information_schema.STATISTICS WHERE "
				+ schema + " AND INDEX_NAME LIKE 'i\\_%'"))
			.as(what)
			.isEqualTo(REVISIONS);
		assertThat(count(db,
				"SELECT COUNT(*) FROM information_schema.TABLE_CONSTRAINTS WHERE " + schema
						+ " AND CONSTRAINT_TYPE = 'PRIMARY KEY' AND TABLE_NAME LIKE 'k\\_%'"))
			.as(what)
			.isEqualTo(REVISIONS);
		assertThat(count(db,
				"SELECT COUNT(*) FROM information_schema.VIEWS WHERE " + schema + " AND TABLE_NAME LIKE 'v\\_%'"))
			.as(what)
			.isEqualTo(REVISIONS);
		assertThat(count(db, "SELECT COUNT(*) FROM side_effect")).as(what).isEqualTo(REVISIONS);
		assertThat(count(db, "SELECT COUNT(DISTINCT revision) FROM side_effect")).as(what).isEqualTo(REVISIONS);
		assertThat(count(db, "SELECT COUNT(*) FROM migration_history WHERE direction = 'UPGRADE' AND success = TRUE"))
			.as(what)
			.isEqualTo(REVISIONS);
		assertThat(count(db, "SELECT COUNT(DISTINCT revision) FROM migration_history WHERE success = TRUE")).as(what)
			.isEqualTo(REVISIONS);
		assertThat(db.query("SELECT version_num FROM migration_version"))
			.containsExactly(List.of(Workload.id(REVISIONS)));
	}

	private static int count(TestDatabase db, String sql) {
		return Integer.parseInt(db.query(sql).get(0).get(0));
	}

}
