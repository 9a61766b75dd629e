package dev.migration.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.CallbackFailedException;
import dev.migration.MigrationConfig;
import dev.migration.Revision;
import dev.migration.ScriptParseException;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SQL callback scripts ({@code beforeUpgrade.sql}, {@code afterEachRevision.sql}, ...) in
 * the locations: run at their events on every database, not revisions, listed in offline
 * SQL, and a failing one names its file and line.
 */
class SqlCallbackTests {

	private static final String LOG = "INSERT INTO cb_log (seq, event) SELECT COUNT(*), '%s' FROM cb_log;\n";

	@TempDir
	Path dir;

	private Scripts scripts;

	private void callback(String relativePath, String text) throws IOException {
		Path file = this.dir.resolve(relativePath);
		Files.createDirectories(file.getParent());
		Files.writeString(file, text);
	}

	private void loggingCallbacks() throws IOException {
		this.scripts = new Scripts(this.dir);
		this.scripts.add("a1", "", "CREATE TABLE cb_t1 (id INT PRIMARY KEY);", "DROP TABLE cb_t1;");
		this.scripts.add("a2", "a1", "CREATE TABLE cb_t2 (id INT PRIMARY KEY);", "DROP TABLE cb_t2;");
		callback("beforeUpgrade.sql",
				"-- every upgrade starts here\n" + "CREATE TABLE IF NOT EXISTS cb_log (seq INT, event VARCHAR(100));\n"
						+ LOG.formatted("beforeUpgrade"));
		callback("beforeEachRevision.sql", LOG.formatted("before ${who}"));
		callback("afterEachRevision__log.sql", LOG.formatted("after"));
		callback("callbacks/afterUpgrade.sql", LOG.formatted("afterUpgrade"));
		callback("afterEachDowngrade.sql", LOG.formatted("after downgrade"));
		callback("afterDowngrade.sql", LOG.formatted("afterDowngrade"));
	}

	private static List<String> log(TestDatabase db) {
		return db.query("SELECT event FROM cb_log ORDER BY seq").stream().map((row) -> row.get(0)).toList();
	}

	@EachDatabase
	void callbacksRunAroundTheRunAndEachRevisionWithPlaceholders(TestDatabase db) throws IOException {
		loggingCallbacks();
		Migrator migrator = new Migrator(this.scripts.config(db).placeholders(Map.of("who", "each")).build());
		Rows.upgradeTo(migrator, db, "heads", "a2");
		assertThat(log(db)).containsExactly("beforeUpgrade", "before each", "after", "before each", "after",
				"afterUpgrade");
		// as Flyway's afterMigrate: every upgrade, even with nothing to apply
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		assertThat(log(db)).hasSize(8).endsWith("beforeUpgrade", "afterUpgrade");
		Rows.downgradeTo(migrator, db, "base");
		assertThat(log(db)).hasSize(11).endsWith("after downgrade", "after downgrade", "afterDowngrade");
	}

	@Test
	void callbackScriptsAreNotRevisions() throws IOException {
		loggingCallbacks();
		Migrator migrator = offlinePostgresql("each");
		assertThat(migrator.history(null)).extracting(Revision::id).containsExactly("a2", "a1");
		assertThat(migrator.callbacks().all()).extracting((script) -> script.event().fileName())
			.containsExactly("beforeUpgrade", "beforeEachRevision", "afterEachRevision", "afterUpgrade",
					"afterEachDowngrade", "afterDowngrade");
	}

	@Test
	void flywayCallbackNameIsRefusedWithOurs() throws IOException {
		this.scripts = new Scripts(this.dir);
		this.scripts.add("a1", "", "CREATE TABLE cb_t1 (id INT PRIMARY KEY);", null);
		callback("afterMigrate__grants.sql", "GRANT SELECT ON cb_t1 TO PUBLIC;\n");
		Migrator migrator = new Migrator(
				MigrationConfig.builder().dialect(Dialect.POSTGRESQL).locations(this.scripts.location()).build());
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(migrator::graph)
			.withMessage(this.scripts.location() + "/afterMigrate__grants.sql: 'afterMigrate' is Flyway's callback "
					+ "name; here it is 'afterUpgrade': rename the file to afterUpgrade__grants.sql");
	}

	@Test
	void offlineSqlListsCallbacksWhereTheyRun() throws IOException {
		loggingCallbacks();
		String sql = offlinePostgresql("offline").upgradeSql("base:heads");
		String location = this.scripts.location();
		assertThat(sql).containsSubsequence("-- Callback beforeUpgrade (" + location + "/beforeUpgrade.sql)",
				"CREATE TABLE IF NOT EXISTS cb_log", "-- Upgrade a1",
				"-- Callback beforeEachRevision (" + location + "/beforeEachRevision.sql) for a1", "'before offline'",
				"CREATE TABLE cb_t1",
				"-- Callback afterEachRevision (" + location + "/afterEachRevision__log.sql) for a1",
				"INSERT INTO migration_version", "-- Upgrade a2", "CREATE TABLE cb_t2",
				"-- Callback afterUpgrade (" + location + "/callbacks/afterUpgrade.sql)", "'afterUpgrade'");
		assertThat(sql).doesNotContain("downgrade'");
	}

	@EachDatabase
	void failingCallbackFailsTheRunNamingFileAndLineAndRunsTheErrorCallback(DatabaseKind kind, TestDatabase db)
			throws IOException {
		this.scripts = new Scripts(this.dir);
		this.scripts.add("a1", "", "CREATE TABLE cb_f1 (id INT PRIMARY KEY);", "DROP TABLE cb_f1;");
		callback("afterEachRevision.sql",
				"-- checks each revision\nCREATE TABLE IF NOT EXISTS cb_seen (id INT);\n\nINSERT INTO cb_missing VALUES (1);\n");
		callback("afterUpgradeError.sql",
				"CREATE TABLE IF NOT EXISTS cb_error (id INT);\nINSERT INTO cb_error VALUES (1);\n");
		Migrator migrator = this.scripts.migrator(db);
		boolean transactional = kind == DatabaseKind.POSTGRESQL || kind == DatabaseKind.SQLITE;
		String remedy = transactional
				? "The revision was rolled back; the version table still says base and earlier revisions stay "
						+ "applied. Fix the callback and run the command again"
				: "The revision's statements ran and stayed committed ("
						+ ((kind == DatabaseKind.H2) ? "H2 commits" : "MariaDB/MySQL commit") + " DDL implicitly); "
						+ "the version table still says base. Fix the callback and run 'stamp a1' (or undo the "
						+ "revision by hand and run 'stamp base'). Until then, upgrade and downgrade refuse to run";
		assertThatExceptionOfType(CallbackFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage())
					.startsWith("Callback afterEachRevision (" + this.scripts.location()
							+ "/afterEachRevision.sql:4, statement 2, around revision a1) failed: ")
					.endsWith(remedy);
				assertThat(ex.getLine()).isEqualTo(4);
				assertThat(ex.getRevision()).isEqualTo("a1");
			});
		assertThat(Rows.versions(db)).isEmpty();
		assertThat(db.query("SELECT id FROM cb_error")).containsExactly(List.of("1"));
	}

	@EachDatabase
	void failingBeforeUpgradeRunsNothing(TestDatabase db) throws IOException {
		this.scripts = new Scripts(this.dir);
		this.scripts.add("a1", "", "CREATE TABLE cb_b1 (id INT PRIMARY KEY);", "DROP TABLE cb_b1;");
		callback("beforeUpgrade.sql", "SELECT * FROM cb_nowhere;\n");
		Migrator migrator = this.scripts.migrator(db);
		assertThatExceptionOfType(CallbackFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessageStartingWith("Callback beforeUpgrade (" + this.scripts.location()
					+ "/beforeUpgrade.sql:1, statement 1) failed: ")
			.withMessageEndingWith("Nothing of the run was applied; the version table still says base. Fix the "
					+ "callback and run the command again");
		assertThat(Rows.versions(db)).isEmpty();
		assertThat(Rows.userTables(db)).doesNotContain("cb_b1");
	}

	/**
	 * A PostgreSQL migrator without a database on the scripts, with the placeholder
	 * {@code who}.
	 */
	private Migrator offlinePostgresql(String who) {
		return new Migrator(MigrationConfig.builder()
			.dialect(Dialect.POSTGRESQL)
			.locations(this.scripts.location())
			.placeholders(Map.of("who", who))
			.build());
	}

}
