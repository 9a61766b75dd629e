package dev.migration.command;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationConfig;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline SQL of statements whose last line holds a line comment: the terminator goes on
 * a line of its own, so neither the database's client nor our splitter reads it as part
 * of the comment. Every placement of a comment is covered, and the output runs through
 * the real {@code psql} and {@code mariadb} clients.
 */
class OfflineCommentTests {

	@TempDir
	Path dir;

	/** One revision per comment placement, each creating one table. */
	private Scripts commented(DatabaseKind kind) {
		Scripts scripts = new Scripts(this.dir);
		scripts.add("c1", "", "CREATE TABLE c1 (id INT PRIMARY KEY) -- trailing comment\n;", "DROP TABLE c1;");
		scripts.add("c2", "c1", "CREATE TABLE c2 (id INT PRIMARY KEY) -- trailing comment; with a semicolon",
				"DROP TABLE c2;");
		scripts.add("c3", "c2", "CREATE TABLE c3 (\n  id INT PRIMARY KEY -- mid-statement comment\n);",
				"DROP TABLE c3;");
		scripts.add("c4", "c3", "-- leading comment\nCREATE TABLE c4 (id INT PRIMARY KEY);", "DROP TABLE c4;");
		scripts.add("c5", "c4", "CREATE TABLE c5 (id INT PRIMARY KEY, note VARCHAR(20) DEFAULT '-- not a comment')",
				"DROP TABLE c5;");
		scripts.add("c6", "c5", "CREATE TABLE c6 (id INT PRIMARY KEY) /* block comment */;", "DROP TABLE c6;");
		scripts.add("c7", "c6", "CREATE TABLE c7 (id INT PRIMARY KEY); -- comment after the terminator",
				"DROP TABLE c7;");
		String last = (kind == DatabaseKind.MARIADB) ? "CREATE TABLE c8 (id INT PRIMARY KEY) # hash comment"
				: "CREATE TABLE c8 (id INT PRIMARY KEY)\n-- comment on the last line alone";
		scripts.add("c8", "c7", last, "DROP TABLE c8 -- dropped\n;");
		return scripts;
	}

	private static Migrator offline(Scripts scripts, Dialect dialect) {
		return new Migrator(MigrationConfig.builder().dialect(dialect).locations(scripts.location()).build());
	}

	@Test
	void terminatorAfterALineCommentGoesOnItsOwnLine() {
		String sql = offline(commented(DatabaseKind.POSTGRESQL), Dialect.POSTGRESQL).upgradeSql("base:heads");
		assertThat(sql).contains("CREATE TABLE c1 (id INT PRIMARY KEY) -- trailing comment\n;\n\n")
			.contains("CREATE TABLE c2 (id INT PRIMARY KEY) -- trailing comment; with a semicolon\n;\n\n")
			.contains("CREATE TABLE c3 (\n  id INT PRIMARY KEY -- mid-statement comment\n);\n\n")
			.contains("CREATE TABLE c4 (id INT PRIMARY KEY);\n\n")
			.contains("DEFAULT '-- not a comment');\n\n")
			.contains("CREATE TABLE c6 (id INT PRIMARY KEY) /* block comment */;\n\n")
			.contains("CREATE TABLE c7 (id INT PRIMARY KEY);\n\n")
			.contains("CREATE TABLE c8 (id INT PRIMARY KEY)\n-- comment on the last line alone\n;\n\n");
	}

	@Test
	void mysqlHashCommentGetsItsTerminatorOnItsOwnLine() {
		String sql = offline(commented(DatabaseKind.MARIADB), Dialect.MYSQL).upgradeSql("base:heads");
		assertThat(sql).contains("CREATE TABLE c8 (id INT PRIMARY KEY) # hash comment\n;\n\n");
	}

	@Test
	void h2DoubleSlashCommentGetsItsTerminatorOnItsOwnLine() {
		Scripts scripts = new Scripts(this.dir).add("h1", "", "CREATE TABLE h1 (id INT PRIMARY KEY) // note", null);
		String sql = offline(scripts, Dialect.H2).upgradeSql("base:heads");
		assertThat(sql).contains("CREATE TABLE h1 (id INT PRIMARY KEY) // note\n;\n\n");
	}

	@EachDatabase
	void offlineScriptsWithCommentsRunUpAndDown(DatabaseKind kind, TestDatabase db) throws Exception {
		Scripts scripts = commented(kind);
		Migrator offline = offline(scripts, kind.dialect());
		OfflineSqlTests.run(db, offline.upgradeSql("base:heads"));
		assertThat(Rows.versions(db)).containsExactly("c8");
		assertThat(db.tables()).contains("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
		OfflineSqlTests.run(db, offline.downgradeSql("c8:c7"));
		assertThat(Rows.versions(db)).containsExactly("c7");
		assertThat(db.tables()).doesNotContain("c8");
	}

	@Test
	void psqlRunsOfflineOutputWithTrailingComments() throws Exception {
		assertClientRunsOfflineOutput(DatabaseKind.POSTGRESQL, Dialect.POSTGRESQL,
				(db, uri) -> List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(), "-p",
						String.valueOf(uri.getPort()), "-U", db.user(), "-d", uri.getPath().substring(1)),
				(db) -> List.of("PGOPTIONS=-c search_path=" + db.name(), "PGPASSWORD=" + db.password()));
	}

	@Test
	void mariadbClientRunsOfflineOutputWithTrailingComments() throws Exception {
		assertClientRunsOfflineOutput(DatabaseKind.MARIADB, Dialect.MYSQL,
				(db, uri) -> List.of("mariadb", "--protocol=TCP", "-h", uri.getHost(), "-P",
						String.valueOf(uri.getPort()), "-u", db.user(), db.name()),
				(db) -> List.of("MYSQL_PWD=" + db.password()));
	}

	/**
	 * The database's own client, given the offline SQL of the commented scripts, succeeds
	 * and leaves every revision applied.
	 */
	private void assertClientRunsOfflineOutput(DatabaseKind kind, Dialect dialect,
			BiFunction<TestDatabase, URI, List<String>> command, Function<TestDatabase, List<String>> environment)
			throws Exception {
		String sql = offline(commented(kind), dialect).upgradeSql("base:heads");
		try (TestDatabase db = TestDatabase.create(kind)) {
			URI uri = URI.create(db.url().substring("jdbc:".length()));
			Client result = pipe(command.apply(db, uri), sql, environment.apply(db));
			assertThat(result.exitCode()).as(result.output()).isZero();
			assertThat(Rows.versions(db)).containsExactly("c8");
			assertThat(db.tables()).contains("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8");
		}
	}

	/**
	 * Offline SQL generated against a database whose tables are still of format 1 (no
	 * {@code parents} column, no format row) writes format-1 rows and no format row;
	 * applied with the real client it succeeds, and the next online run upgrades the
	 * tables in place as it does for any format-1 database.
	 */
	@EachDatabase({ DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void offlineSqlForFormatOneTablesRunsInTheClient(DatabaseKind kind, TestDatabase db) throws Exception {
		Scripts scripts = new Scripts(this.dir).linear();
		Migrator migrator = scripts.migrator(db);
		ZonedRun.legacy(db.url(), db.user(), db.password(), migrator.graph().get("a1").checksum(),
				Instant.parse("2026-06-01T15:37:05Z"));
		String sql = migrator.upgradeSql("heads");
		assertThat(sql).contains("is of format 1 (no parents column): this script writes format-1 rows")
			.doesNotContain("parents)")
			.doesNotContain("migration_history_format");
		Client result = (kind == DatabaseKind.POSTGRESQL) ? psql(db, sql) : mariadb(db, sql);
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(Rows.versions(db)).containsExactly("a3");
		assertThat(db.tables()).contains("t2", "t3");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1");
		// the next online run finds format 1 and upgrades the tables in place
		scripts.add("a4", "a3", "CREATE TABLE t4 (id INT PRIMARY KEY);", "DROP TABLE t4;");
		scripts.migrator(db).upgrade("heads");
		assertThat(db.query("SELECT format_version FROM migration_history_format"))
			.containsExactly(List.of(String.valueOf(TableFormat.CURRENT)));
		assertThat(db.query("SELECT revision, parents FROM migration_history WHERE revision = 'a4'"))
			.containsExactly(List.of("a4", "a3"));
	}

	private static Client psql(TestDatabase db, String sql) throws IOException, InterruptedException {
		URI uri = URI.create(db.url().substring("jdbc:".length()));
		List<String> command = List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(), "-p",
				String.valueOf(uri.getPort()), "-U", db.user(), "-d", uri.getPath().substring(1));
		return pipe(command, sql, List.of("PGOPTIONS=-c search_path=" + db.name(), "PGPASSWORD=" + db.password()));
	}

	private static Client mariadb(TestDatabase db, String sql) throws IOException, InterruptedException {
		URI uri = URI.create(db.url().substring("jdbc:".length()));
		List<String> command = new ArrayList<>(List.of("mariadb", "--protocol=TCP", "-h", uri.getHost(), "-P",
				String.valueOf(uri.getPort()), "-u", db.user()));
		command.add(db.name());
		return pipe(command, sql, List.of("MYSQL_PWD=" + db.password()));
	}

	private static Client pipe(List<String> command, String input, List<String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		for (String each : environment) {
			int eq = each.indexOf('=');
			builder.environment().put(each.substring(0, eq), each.substring(eq + 1));
		}
		Process process = builder.start();
		try (var stdin = process.getOutputStream()) {
			stdin.write(input.getBytes(StandardCharsets.UTF_8));
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Client(process.exitValue(), output);
	}

	private record Client(int exitCode, String output) {
	}

}
