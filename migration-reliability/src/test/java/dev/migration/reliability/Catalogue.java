package dev.migration.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;
import dev.migration.OnNewerDatabase;
import dev.migration.command.Migrator;
import dev.migration.sql.DriverDataSource;
import dev.migration.reliability.BadInputCatalogueTests.Breaker;
import dev.migration.reliability.BadInputCatalogueTests.Case;
import dev.migration.reliability.BadInputCatalogueTests.Fixture;
import dev.migration.testing.DatabaseKind;

import static dev.migration.reliability.BadInputCatalogueTests.R1;
import static dev.migration.reliability.BadInputCatalogueTests.R2;
import static dev.migration.reliability.BadInputCatalogueTests.R3;
import static dev.migration.reliability.BadInputCatalogueTests.script;

/** The bad input cases, each with its exact expected message. */
final class Catalogue {

	private static final String BAD = "bbbb00000001";

	private Catalogue() {
	}

	private static final Function<Fixture, Object> UPGRADE = (f) -> f.migrator().upgrade("heads");

	static Breaker file(String name, String text) {
		return (f) -> f.write(name, text);
	}

	static Breaker bad(String header, String upgrade) {
		return file(BAD + "_bad.sql", script(BAD, R3, header, upgrade));
	}

	static Breaker none() {
		return (f) -> {
		};
	}

	static Function<Fixture, Object> upgrade(String target) {
		return (f) -> f.migrator().upgrade(target);
	}

	static Function<Fixture, Object> downgrade(String target) {
		return (f) -> f.migrator().downgrade(target);
	}

	static Function<Fixture, Object> config(Function<MigrationConfigBuilder, MigrationConfigBuilder> settings) {
		return (f) -> f.migrator(settings.apply(MigrationConfig.builder())).upgrade("heads");
	}

	/**
	 * Upgrade with the scripts folder and one more location ({@code {dir}} is the
	 * folder).
	 */
	static Function<Fixture, Object> locations(String extra) {
		return (f) -> new Migrator(f.migrator()
			.config()
			.toBuilder()
			.locations("filesystem:" + f.folder(), extra.replace("{dir}", f.folder().toString()))
			.build()).upgrade("heads");
	}

	static Function<Fixture, Object> as(String user, String password) {
		return (f) -> new Migrator(MigrationConfig.builder()
			.dataSource(new DriverDataSource(f.db().url(), user, password))
			.locations("filesystem:" + f.folder())
			.lockTimeout(Duration.ofSeconds(5))
			.build()).upgrade("heads");
	}

	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		DatabaseKind h2 = DatabaseKind.H2;
		// headers
		cases.add(new Case("malformed created date", h2, bad("-- created: yesterday\n", "SELECT 1;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:4: 'created: yesterday' is not an ISO-8601 date-time; write e.g. 'created: 2026-11-24T12:00:00Z'"));
		cases.add(new Case("unknown header key", h2, bad("-- author: someone\n", "SELECT 1;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:4: unknown header 'author:'; known headers are migration, revision, revises, created, branch-labels, depends-on, transactional, repeatable, imported-from, source-version (write other comments without a colon after the first word, or below '-- +upgrade')"));
		cases.add(new Case("header line without a colon", h2, bad("-- revises " + R3 + "\n", "SELECT 1;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:4: header 'revises' has no colon, so it would be ignored; write '-- revises: aaaa00000003'"));
		cases.add(new Case("missing revision header", h2,
				file(BAD + "_bad.sql", "-- migration: no id\n-- revises: " + R3 + "\n\n-- +upgrade\nSELECT 1;\n"),
				UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql: no '-- revision:' header; add one with this revision's id, e.g. '-- revision: 1a2b3c4d5e6f'"));
		cases.add(new Case("transactional flag that is not true or false", h2,
				bad("-- transactional: maybe\n", "SELECT 1;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:4: 'transactional: maybe' must be true or false"));
		cases.add(new Case("header key given twice", h2, bad("-- revises: " + R2 + "\n", "SELECT 1;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:4: header 'revises:' repeated (first on line 3); keep one"));
		// graph
		cases.add(new Case("duplicate id in two files", h2, file(R3 + "_again.sql", script(R3, R2, "", "SELECT 1;")),
				UPGRADE,
				"Revision aaaa00000003 is defined twice: in filesystem:{dir}/aaaa00000003_again.sql and in filesystem:{dir}/aaaa00000003_three.sql. Every revision needs its own id: give one of them a new id (and update the 'revises' of its children) or delete the copy."));
		cases.add(new Case("cycle", h2, (f) -> {
			f.write(BAD + "_x.sql", script(BAD, "bbbb00000002", "", "SELECT 1;"));
			f.write("bbbb00000002_y.sql", script("bbbb00000002", BAD, "", "SELECT 1;"));
		}, UPGRADE,
				"Revisions form a cycle: bbbb00000001 (filesystem:{dir}/bbbb00000001_x.sql) revises bbbb00000002 (filesystem:{dir}/bbbb00000002_y.sql) revises bbbb00000001 (filesystem:{dir}/bbbb00000001_x.sql). A revision cannot be its own ancestor: correct the 'revises' or 'depends-on' header of one of these files."));
		cases.add(new Case("self-loop", h2, file(BAD + "_bad.sql", script(BAD, BAD, "", "SELECT 1;")), UPGRADE,
				"Revision bbbb00000001 in filesystem:{dir}/bbbb00000001_bad.sql revises itself; remove 'bbbb00000001' from its 'revises' header"));
		cases.add(new Case("missing parent", h2, file(BAD + "_bad.sql", script(BAD, "cccc00000009", "", "SELECT 1;")),
				UPGRADE,
				"Revision bbbb00000001 in filesystem:{dir}/bbbb00000001_bad.sql revises cccc00000009, but no script defines cccc00000009. Fix the 'revises' header of filesystem:{dir}/bbbb00000001_bad.sql, or restore the missing script."));
		cases.add(new Case("unknown depends-on", h2, bad("-- depends-on: cccc00000009\n", "SELECT 1;"), UPGRADE,
				"Revision bbbb00000001 in filesystem:{dir}/bbbb00000001_bad.sql depends on cccc00000009, but no script defines a revision or branch label 'cccc00000009'. Fix the 'depends-on' header of filesystem:{dir}/bbbb00000001_bad.sql, or restore the missing script."));
		cases.add(new Case("duplicate branch label", h2, (f) -> {
			f.write(BAD + "_x.sql", script(BAD, R3, "-- branch-labels: feature\n", "SELECT 1;"));
			f.write("bbbb00000002_y.sql", script("bbbb00000002", R3, "-- branch-labels: feature\n", "SELECT 1;"));
		}, UPGRADE,
				"Branch label 'feature' is declared by revision bbbb00000001 (filesystem:{dir}/bbbb00000001_x.sql) and by revision bbbb00000002 (filesystem:{dir}/bbbb00000002_y.sql). A label names one branch: remove it from one of them, or rename one."));
		cases.add(new Case("id with a slash", h2, file("ab_bad.sql", script("ab/cd", R3, "", "SELECT 1;")), UPGRADE,
				"Revision id 'ab/cd' in filesystem:{dir}/ab_bad.sql is not valid: ids may contain only letters, digits and '_' (characters such as '@', ':', '+' and '-' are part of the identifier syntax, e.g. 'label@head', 'a:b', 'id+2'). Rename the revision and update the 'revises' of its children."));
		cases.add(new Case("id with a quote", h2, file("ab_bad.sql", script("ab'cd", R3, "", "SELECT 1;")), UPGRADE,
				"Revision id 'ab'cd' in filesystem:{dir}/ab_bad.sql is not valid: ids may contain only letters, digits and '_' (characters such as '@', ':', '+' and '-' are part of the identifier syntax, e.g. 'label@head', 'a:b', 'id+2'). Rename the revision and update the 'revises' of its children."));
		cases.add(new Case("id with a space", h2, file("ab_bad.sql", script("ab cd", R3, "", "SELECT 1;")), UPGRADE,
				"Revision id 'ab cd' in filesystem:{dir}/ab_bad.sql is not valid: ids may contain only letters, digits and '_' (characters such as '@', ':', '+' and '-' are part of the identifier syntax, e.g. 'label@head', 'a:b', 'id+2'). Rename the revision and update the 'revises' of its children."));
		// files
		cases.add(new Case("empty file", h2, file(BAD + "_empty.sql", ""), UPGRADE,
				"filesystem:{dir}/bbbb00000001_empty.sql: the file is empty; a migration needs a header (at least '-- revision: <id>') and a '-- +upgrade' section"));
		cases.add(new Case("file with only a downgrade", h2,
				file(BAD + "_down.sql",
						"-- migration: down\n-- revision: " + BAD + "\n-- revises: " + R3
								+ "\n\n-- +downgrade\nSELECT 1;\n"),
				UPGRADE,
				"filesystem:{dir}/bbbb00000001_down.sql:5: the file has a '-- +downgrade' section but no '-- +upgrade' section; add a line '-- +upgrade' followed by the upgrade statements above it"));
		cases.add(new Case("two upgrade sections", h2, bad("", "SELECT 1;\n-- +upgrade\nSELECT 2;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:7: second '-- +upgrade' section (the first is on line 5); merge them into one"));
		cases.add(new Case("non-UTF-8 bytes", h2, (f) -> {
			byte[] head = script(BAD, R3, "", "SELECT 'caf").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
			byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
			bytes[head.length] = (byte) 0xE9;
			bytes[head.length + 1] = '\'';
			bytes[head.length + 2] = ';';
			bytes[head.length + 3] = '\n';
			Files.write(f.file(BAD + "_latin1.sql"), bytes);
		}, UPGRADE,
				"filesystem:{dir}/bbbb00000001_latin1.sql:9: not valid UTF-8: byte 0xE9 at byte offset 132; save the file as UTF-8"));
		// splitting
		cases.add(new Case("unterminated quote", DatabaseKind.POSTGRESQL, bad("", "SELECT 'abc;\nSELECT 2;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:6: unterminated string literal opened here; close it with ' (write '' for a quote inside it)"));
		cases.add(new Case("unterminated dollar quote", DatabaseKind.POSTGRESQL,
				bad("", "DO $body$ BEGIN PERFORM 1; END $bod$;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:6: unterminated dollar-quoted string $body$ opened here; close it with $body$"));
		cases.add(new Case("unterminated block comment", DatabaseKind.POSTGRESQL, bad("", "/* comment\nSELECT 1;"),
				UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:6: unterminated block comment opened here; close it with */ (comments nest in PostgreSQL: every /* needs its own */)"));
		cases.add(new Case("unterminated quoted identifier", DatabaseKind.POSTGRESQL,
				bad("", "SELECT 1 AS \"abc;\nSELECT 2;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:6: unterminated quoted identifier opened here; close it with \" (write \"\" for a quote inside it)"));
		cases.add(new Case("DELIMITER without a delimiter", DatabaseKind.MARIADB, bad("", "DELIMITER\nSELECT 1;"),
				UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:6: DELIMITER needs a delimiter; write e.g. DELIMITER $$ (and DELIMITER ; to switch back)"));
		cases.add(new Case("DELIMITER on PostgreSQL", DatabaseKind.POSTGRESQL, bad("", "DELIMITER //\nSELECT 1//"),
				UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:6: DELIMITER is a mysql client command that POSTGRESQL does not understand; remove the line (statements end with ; and bodies are kept whole)"));
		// transaction control in a transactional revision
		String endsTransaction = " in the upgrade section of a transactional revision would end the transaction the "
				+ "revision runs in, so a later failure could not roll back what ran before it; remove it, or add the "
				+ "header '-- transactional: false' to run the revision statement by statement without a transaction "
				+ "of its own";
		cases.add(new Case("COMMIT in a transactional revision on PostgreSQL", DatabaseKind.POSTGRESQL,
				bad("", "CREATE TABLE a (id INT);\nCOMMIT;\nCREATE TABLE b (id INT);\nSELECT 1/0;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:7: COMMIT" + endsTransaction));
		cases.add(new Case("BEGIN in a transactional revision on SQLite", DatabaseKind.SQLITE,
				bad("", "BEGIN;\nCREATE TABLE a (id INT);"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:6: BEGIN" + endsTransaction));
		cases.add(new Case("START TRANSACTION in a transactional revision on H2", h2,
				bad("", "CREATE TABLE a (id INT);\n  start transaction;"), UPGRADE,
				"filesystem:{dir}/bbbb00000001_bad.sql:7: START TRANSACTION" + endsTransaction));
		// locations
		cases.add(new Case("mistyped classpath location", h2, none(), locations("classpath:db/nope"),
				"Invalid configuration: 'migration.locations' names classpath:db/nope, which does not exist: no directory db/nope on the class path (in a jar, the directory needs its own entry, as jar tools write by default). Fix the location (or create it), or set migration.fail-on-missing-locations=false to continue without it"));
		cases.add(new Case("missing filesystem location", h2, none(), locations("filesystem:{dir}/typo"),
				"Invalid configuration: 'migration.locations' names filesystem:{dir}/typo, which does not exist: no directory {dir}/typo. Fix the location (or create it), or set migration.fail-on-missing-locations=false to continue without it"));
		// integrity
		cases.add(new Case("script edited after being applied", h2,
				file(R2 + "_two.sql", script(R2, R1, "", "CREATE TABLE two (id BIGINT);")), UPGRADE,
				"Revision aaaa00000002 (filesystem:{dir}/aaaa00000002_two.sql) was edited after it was applied: applied checksum 1a270c9688dc0245d2b7e6ebe52a086cf35aa8dec2910cf7441f5c57ca04a6a9, script checksum now cb73bbd9dddbe2acf3087bc98367d720ecd2345e4ac4480a858b2ebe9a60c55c. Revert the edit, or put the change in a new revision; if the edit is intended, run 'repair' to record the new checksum; or set migration.validate-checksums=false to skip this check"));
		cases.add(new Case("database revision no script knows", h2,
				(f) -> f.db().execute("UPDATE migration_version SET version_num = 'dddd00000001'"), UPGRADE,
				"The version table migration_version holds revision dddd00000001 that no script defines: the database is ahead of these scripts or scripts were deleted. Deploy the scripts that define it, or, if they are gone for good, 'stamp' the revision the schema really is at"));
		cases.add(new Case("database ahead of the scripts, history without parents", h2, (f) -> {
			Files.delete(f.file(R2 + "_two.sql"));
			Files.delete(f.file(R3 + "_three.sql"));
			f.db().execute("UPDATE migration_history SET parents = NULL");
		}, UPGRADE,
				"The version table migration_version holds revision aaaa00000002 that no script defines: the database is ahead of these scripts or scripts were deleted. Deploy the scripts that define it, or, if they are gone for good, 'stamp' the revision the schema really is at"));
		cases.add(new Case("database ahead of the build with on-newer-database=fail", h2, (f) -> {
			Files.delete(f.file(R2 + "_two.sql"));
			Files.delete(f.file(R3 + "_three.sql"));
		}, config((settings) -> settings.onNewerDatabase(OnNewerDatabase.FAIL)),
				"The database is ahead of this build: the version table migration_version holds aaaa00000002, which no script of this build defines, applied by a newer build on top of aaaa00000001 (from the parents the history table recorded). Deploy the newer build, or set migration.on-newer-database=warn to let this build run on the newer schema"));
		cases.add(new Case("downgrade of a database ahead of the build", h2, (f) -> {
			Files.delete(f.file(R2 + "_two.sql"));
			Files.delete(f.file(R3 + "_three.sql"));
		}, downgrade("base"),
				"The database is ahead of this build: the version table migration_version holds aaaa00000002, which no script of this build defines, applied by a newer build on top of aaaa00000001 (from the parents the history table recorded). 'downgrade' needs the scripts of those revisions: run it with the newer build"));
		// identifiers
		cases.add(new Case("ambiguous prefix", h2, none(), upgrade("aaaa"),
				"Revision prefix 'aaaa' is ambiguous: it matches aaaa00000001, aaaa00000002, aaaa00000003; type more characters of the id"));
		cases.add(new Case("unknown target", h2, none(), upgrade("ffff"),
				"No revision or branch label 'ffff'; run 'history' to list the revisions"));
		cases.add(new Case("head with several heads", h2, file(BAD + "_branch.sql", script(BAD, R1, "", "SELECT 1;")),
				upgrade("head"),
				"'head' is ambiguous: there are 2 heads (aaaa00000003, bbbb00000001); name a head, use 'heads', or run 'merge'"));
		cases.add(new Case("+N beyond the last revision", h2, none(), upgrade("+5"),
				"Cannot resolve '+5': it goes 5 revision(s) up, but there is only 1 revision(s) above aaaa00000002; use a smaller number or 'heads'"));
		cases.add(new Case("-N below base", h2, none(), downgrade("-5"),
				"Cannot resolve '-5': it goes 5 step(s) down, but aaaa00000002 is only 2 step(s) above base; use a smaller number or 'base'"));
		cases.add(new Case("range in the wrong order", h2, none(), (f) -> f.migrator().history(R3 + ":" + R1),
				"Revision aaaa00000003 is not an ancestor of revision aaaa00000001 in range 'aaaa00000003:aaaa00000001'; ranges go from older to newer: write 'aaaa00000001:aaaa00000003'"));
		cases.add(new Case("offline range in the wrong order", h2, none(),
				(f) -> f.migrator().upgradeSql(R3 + ":" + R1),
				"Revision aaaa00000003 is not an ancestor of revision aaaa00000001 in range 'aaaa00000003:aaaa00000001'; ranges go from older to newer: write 'aaaa00000001:aaaa00000003'"));
		cases.add(new Case("downgrade target on another branch", h2,
				file(BAD + "_branch.sql", script(BAD, R1, "", "SELECT 1;")), downgrade(BAD),
				"Cannot downgrade to 'bbbb00000001': it is not below the current revision(s): bbbb00000001 is on another branch than the current revision(s) aaaa00000002; name a revision below them, or use 'upgrade' to add that branch"));
		cases.add(new Case("unknown branch label", h2, none(), upgrade("nosuchlabel@head"),
				"No branch 'nosuchlabel' in 'nosuchlabel@head': it is neither a branch label nor a revision (the graph has no branch labels)"));
		cases.add(new Case("downgrade through a revision without downgrade", h2,
				file(R2 + "_two.sql",
						"-- migration: step " + R2 + "\n-- revision: " + R2 + "\n-- revises: " + R1
								+ "\n\n-- +upgrade\nCREATE TABLE two (id INT);\n"),
				(f) -> f.migrator(MigrationConfig.builder().validateChecksums(false)).downgrade("base"),
				"Cannot downgrade revision aaaa00000002: filesystem:{dir}/aaaa00000002_two.sql has no downgrade. Add a '-- +downgrade' section (or override downgrade()), or move the version table with 'stamp'"));
		// tables and settings
		cases.add(new Case("version table with an extra column", h2,
				(f) -> f.db().execute("ALTER TABLE migration_version ADD COLUMN note VARCHAR(10)"), UPGRADE,
				"The version table migration_version has columns [version_num, note], but a version table has exactly one column, version_num (VARCHAR, primary key). It was not created by this tool: set migration.version-table to another name, or rename or drop that table"));
		cases.add(new Case("version table with an ancestor and its descendant", h2,
				(f) -> f.db().execute("INSERT INTO migration_version (version_num) VALUES ('" + R1 + "')"), UPGRADE,
				"The version table migration_version holds aaaa00000001 and aaaa00000002, but aaaa00000001 is an ancestor of aaaa00000002, so it cannot be a current head (the table was edited by hand or by another tool). Run 'stamp --purge' with the revision(s) the schema really is at"));
		cases.add(new Case("version table with a blank row", h2,
				(f) -> f.db().execute("INSERT INTO migration_version (version_num) VALUES ('')"), UPGRADE,
				"The version table migration_version holds revision '' (blank) that no script defines: the database is ahead of these scripts or scripts were deleted. Deploy the scripts that define it, or, if they are gone for good, 'stamp' the revision the schema really is at"));
		cases.add(new Case("killed run whose statement in doubt leaves no trace", DatabaseKind.MARIADB, (f) -> {
			f.write(R3 + "_three.sql",
					script(R3, R2, "", "CREATE TABLE three (id INT);\nALTER TABLE three COMMENT = 'x';"));
			// what a kill during statement 2 leaves: statement 1 ran and was recorded
			f.db()
				.execute("CREATE TABLE three (id INT)",
						"INSERT INTO migration_history (revision, direction, location, "
								+ "checksum, started_at, statements_done, statements_total) VALUES ('" + R3
								+ "', 'UPGRADE', '" + f.location(R3 + "_three.sql") + "', '"
								+ f.migrator().graph().get(R3).checksum() + "', CURRENT_TIMESTAMP, 1, 2)");
		}, UPGRADE,
				"A previous upgrade of revision aaaa00000003 (filesystem:{dir}/aaaa00000003_three.sql) did not finish (the process ended mid-way). Progress: statement 1 of 2 completed; statement 2 may or may not have run, and the engine cannot tell: it leaves no trace in the catalog that the engine knows how to check. The statement: ALTER TABLE three COMMENT = 'x' (line 7). Resolve it by hand before migrating again: either undo what ran and run 'repair' (or 'stamp aaaa00000002'), or finish the revision by hand and run 'stamp aaaa00000003'. Either records the resolution and clears this marker."));
		cases.add(new Case("killed run after an edit of its script", DatabaseKind.H2, (f) -> {
			f.db()
				.execute("INSERT INTO migration_history (revision, direction, location, checksum, started_at, "
						+ "statements_done, statements_total) VALUES ('" + R3 + "', 'UPGRADE', '"
						+ f.location(R3 + "_three.sql") + "', 'edited', CURRENT_TIMESTAMP, 0, 1)");
		}, UPGRADE,
				"A previous upgrade of revision aaaa00000003 (filesystem:{dir}/aaaa00000003_three.sql) did not finish (the process ended mid-way). Progress: no statement is recorded as completed, and the engine cannot resume it on its own: its script changed since that run, so its statements may not be the ones that ran. Resolve it by hand before migrating again: either undo what ran and run 'repair' (or 'stamp aaaa00000002'), or finish the revision by hand and run 'stamp aaaa00000003'. Either records the resolution and clears this marker."));
		cases.add(new Case("schema that injects SQL", DatabaseKind.POSTGRESQL, none(),
				config((b) -> b.schema("x; DROP TABLE one; --")),
				"Invalid configuration: 'migration.schema' must be a plain SQL identifier (letters, digits and '_', not starting with a digit, at most 63 characters), but was 'x; DROP TABLE one; --'. Names are written into SQL unquoted, so anything else is refused"));
		cases.add(new Case("version table name that injects SQL", DatabaseKind.MARIADB, none(),
				config((b) -> b.versionTable("v` (a INT); DROP TABLE one; -- ")),
				"Invalid configuration: 'migration.version-table' must be a plain SQL identifier (letters, digits and '_', not starting with a digit, at most 63 characters), but was 'v` (a INT); DROP TABLE one; -- '. Names are written into SQL unquoted, so anything else is refused"));
		cases.add(new Case("history table name that injects SQL", DatabaseKind.POSTGRESQL, none(),
				config((b) -> b.historyTable("h\"; DROP TABLE one; --")),
				"Invalid configuration: 'migration.history-table' must be a plain SQL identifier (letters, digits and '_', not starting with a digit, at most 63 characters), but was 'h\"; DROP TABLE one; --'. Names are written into SQL unquoted, so anything else is refused"));
		cases.add(new Case("read-only user on PostgreSQL", DatabaseKind.POSTGRESQL, (f) -> {
			String role = f.db().name() + "_ro";
			f.db()
				.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'ro'",
						"GRANT CONNECT ON DATABASE " + database(f) + " TO " + role,
						"GRANT USAGE ON SCHEMA " + f.db().name() + " TO " + role,
						"GRANT SELECT ON ALL TABLES IN SCHEMA " + f.db().name() + " TO " + role);
		}, (f) -> {
			try {
				return as(f.db().name() + "_ro", "ro").apply(f);
			}
			finally {
				String role = f.db().name() + "_ro";
				f.db().execute("DROP OWNED BY " + role, "DROP ROLE " + role);
			}
		}, "Revision aaaa00000003 (filesystem:{dir}/aaaa00000003_three.sql:6, statement 1) failed: ERROR: permission denied for schema {db}\n  Position: 14. The revision was rolled back; the version table still says aaaa00000002 and earlier revisions stay applied. The database user lacks a privilege the script needs: grant it, or run as a user that owns the schema, and run the command again"));
		cases.add(new Case("read-only user on MariaDB", DatabaseKind.MARIADB, (f) -> {
			String user = f.db().name() + "_ro";
			f.db()
				.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'ro'",
						"GRANT SELECT ON " + f.db().name() + ".* TO '" + user + "'@'%'");
		}, (f) -> {
			try {
				return as(f.db().name() + "_ro", "ro").apply(f);
			}
			finally {
				f.db().execute("DROP USER '" + f.db().name() + "_ro'@'%'");
			}
		}, "Could not upgrade: (conn=N) INSERT command denied to user '{db}_ro'@'127.0.0.1' for table `{db}`.`migration_history` (SQL state 42000). Check the connection and that the user may read and write the migration tables"));
		cases.add(new Case("unknown user on PostgreSQL", DatabaseKind.POSTGRESQL, none(), as("nobody_here", "wrong"),
				"Cannot connect to the database (DriverDataSource[jdbc:postgresql://127.0.0.1:5432/test?currentSchema={db}]): FATAL: role \"nobody_here\" does not exist. Check migration.url, migration.user and migration.password, and that the database is up"));
		cases.add(new Case("unknown user on MariaDB", DatabaseKind.MARIADB, none(), as("nobody_here", "wrong"),
				"Cannot connect to the database (DriverDataSource[jdbc:mariadb://127.0.0.1:3306/{db}]): (conn=N) Access denied for user 'nobody_here'@'127.0.0.1' (using password: YES). Check migration.url, migration.user and migration.password, and that the database is up"));
		cases.add(new Case("unreachable database", h2, none(),
				(f) -> new Migrator(MigrationConfig.builder()
					.dataSource(new DriverDataSource("jdbc:postgresql://127.0.0.1:1/none", "u", "p"))
					.locations("filesystem:" + f.folder())
					.build()).upgrade("heads"),
				"Cannot connect to the database (DriverDataSource[jdbc:postgresql://127.0.0.1:1/none]): Connection to 127.0.0.1:1 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections. Check migration.url, migration.user and migration.password, and that the database is up"));
		return cases;
	}

	private static String database(Fixture f) {
		String url = f.db().url();
		int slash = url.indexOf('/', url.indexOf("//") + 2);
		int query = url.indexOf('?');
		return url.substring(slash + 1, (query >= 0) ? query : url.length());
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
