package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command in-process on an H2 database, output captured.
 */
class CommandTests extends InProcessProject {

	private CliRunner.Result ok(String... args) {
		CliRunner.Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

	private CliRunner.Result fails(String... args) {
		CliRunner.Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).as(result.toString()).startsWith("Error: ").doesNotContain("\tat ");
		assertThat(result.err().lines()).as(result.toString()).hasSize(1);
		return result;
	}

	private void revision(String id, String message, String... options) {
		Project.revision(this.dir, this::ok, id, message, options);
	}

	/** a1 - b1 - b2 and a1 - c1 (feature), merged by m1. */
	private void branchedHistory() {
		revision("aaa001", "create account table");
		revision("bbb001", "add orders");
		revision("bbb002", "add invoices");
		revision("ccc001", "feature table", "--head", "aaa001", "--splice", "--branch-label", "feature");
	}

	private List<String> versionTable() {
		return this.database.query("SELECT version_num FROM migration_version ORDER BY version_num")
			.stream()
			.map((row) -> row.get(0))
			.toList();
	}

	@Test
	void revisionWritesAFileOnTopOfTheSingleHead() throws IOException {
		CliRunner.Result first = ok("revision", "-m", "Create account table");
		String id = first.out().replaceAll("(?s).*\\(revision ([0-9a-f]{12})\\)\\n", "$1");
		assertThat(first.out()).isEqualTo(
				"Generating db/migration/" + id + "_create_account_table.sql ... done " + "(revision " + id + ")\n");
		ok("revision", "-m", "second", "--rev-id", "second1");
		assertThat(Files.readString(Project.file(this.dir, "second1")))
			.startsWith("-- migration: second\n-- revision: second1\n-- revises: " + id + "\n-- created: ");
	}

	@Test
	void revisionWithSeveralHeadsFailsNamingThemAndTheRemedy() {
		branchedHistory();
		assertThat(fails("revision", "-m", "x").err()).isEqualTo("Error: Multiple heads are present (bbb002, ccc001); "
				+ "name the one to build on with --head <revision> (or --head <label>@head), or join them first with "
				+ "'migration merge -m \"merge heads\" heads'\n");
	}

	@Test
	void revisionOnARevisionThatIsNotAHeadNeedsSplice() {
		branchedHistory();
		assertThat(fails("revision", "-m", "x", "--head", "bbb001").err())
			.isEqualTo("Error: Revision bbb001 is not a head revision; pass --splice to start a new branch from it, "
					+ "or --head with one of the heads (bbb002, ccc001)\n");
	}

	@Test
	void revisionOnALabelHeadWritesLabelsAndDependencies() throws IOException {
		branchedHistory();
		ok("revision", "-m", "more feature", "--rev-id", "ccc002", "--head", "feature@head", "--depends-on", "bbb001",
				"--branch-label", "feature2");
		assertThat(Files.readString(Project.file(this.dir, "ccc002"))).contains("-- revises: ccc001\n")
			.contains("-- branch-labels: feature2\n-- depends-on: bbb001\n");
	}

	@Test
	void revisionRejectsAnExistingIdAndAnExistingLabel() {
		branchedHistory();
		assertThat(fails("revision", "-m", "x", "--head", "bbb002", "--rev-id", "aaa001").err())
			.isEqualTo("Error: Revision id aaa001 exists already (filesystem:" + this.dir.resolve("db/migration")
					+ "/aaa001_create_account_table.sql); pass another --rev-id\n");
		assertThat(fails("revision", "-m", "x", "--head", "bbb002", "--branch-label", "feature").err())
			.isEqualTo("Error: Branch label 'feature' is already used by revision ccc001 (filesystem:"
					+ this.dir.resolve("db/migration") + "/ccc001_feature_table.sql); pick another name\n");
		assertThat(fails("revision", "-m", "x", "--head", "bbb002", "--rev-id", "no-dash").err()).isEqualTo(
				"Error: Revision id 'no-dash' has characters other than letters, digits and '_'; pass another --rev-id\n");
	}

	@Test
	void revisionJavaWritesAMigrationClassInTheVersionPath() throws IOException {
		ok("revision", "-m", "seed data", "--rev-id", "abc123", "--java", "--version-path",
				"src/main/java/com/example/db");
		assertThat(Files.readString(this.dir.resolve("src/main/java/com/example/db/Rabc123_seed_data.java")))
			.startsWith("package com.example.db;\n")
			.contains("@RevisionInfo(id = \"abc123\", revises = {},")
			.contains("public class Rabc123_seed_data implements Migration {");
	}

	@Test
	void revisionJavaGoesToThePackageTheClasspathLocationScans() throws IOException {
		ok("revision", "-m", "seed data", "--rev-id", "abc123", "--java");
		assertThat(Files.readString(this.dir.resolve("src/main/java/db/migration/Rabc123_seed_data.java")))
			.startsWith("package db.migration;\n");
	}

	@Test
	void mergeOfHeadsWritesARevisionWhoseParentsAreTheHeads() throws IOException {
		branchedHistory();
		CliRunner.Result result = ok("merge", "-m", "merge feature", "heads", "--rev-id", "mmm001");
		assertThat(result.out())
			.isEqualTo("Generating db/migration/mmm001_merge_feature.sql ... done (revision mmm001)\n");
		assertThat(Files.readString(Project.file(this.dir, "mmm001"))).contains("-- revises: bbb002, ccc001\n");
		assertThat(ok("heads").out()).isEqualTo("mmm001 (head) (mergepoint)\n");
	}

	@Test
	void mergeOfASingleHeadFails() {
		revision("aaa001", "one");
		assertThat(fails("merge", "heads").err()).isEqualTo("Error: Nothing to merge: heads resolves to only aaa001; "
				+ "a merge needs at least two revisions ('migration heads' lists them)\n");
	}

	@Test
	void upgradePrintsOneLinePerRevisionWithItsDurationAndASummary() {
		revision("aaa001", "create account table");
		revision("bbb001", "add orders");
		CliRunner.Result result = ok("upgrade");
		assertThat(result.out()).matches("""
				upgrade <base> -> aaa001, create account table \\(\\d+\\.\\d\\d s\\)
				upgrade aaa001 -> bbb001, add orders \\(\\d+\\.\\d\\d s\\)
				Upgraded 2 revisions in \\d+\\.\\d\\d s; now at bbb001
				""");
		assertThat(versionTable()).containsExactly("bbb001");
		assertThat(ok("upgrade").out()).isEqualTo("Nothing to upgrade; at bbb001\n");
	}

	@Test
	void upgradeOfADatabaseAheadOfTheBuildDoesNothingAndSaysSo() throws IOException {
		revision("aaa001", "create account table");
		revision("bbb001", "add orders");
		ok("upgrade");
		// the older build: its scripts end at aaa001
		try (var files = Files.walk(this.dir)) {
			for (Path file : files.filter((path) -> path.getFileName().toString().startsWith("bbb001")).toList()) {
				Files.delete(file);
			}
		}
		assertThat(ok("upgrade").out())
			.isEqualTo("Nothing to upgrade: the database is ahead of this build (bbb001 applied by a newer build); "
					+ "at bbb001\n");
		assertThat(versionTable()).containsExactly("bbb001");
	}

	@Test
	void downgradeRevertsAndStampMovesTheVersionTableOnly() {
		revision("aaa001", "create account table");
		revision("bbb001", "add orders");
		ok("upgrade");
		assertThat(ok("downgrade", "-1").out()).matches("""
				downgrade bbb001 -> aaa001, add orders \\(\\d+\\.\\d\\d s\\)
				Downgraded 1 revision in \\d+\\.\\d\\d s; now at aaa001
				""");
		assertThat(this.database.query("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'T_BBB001'"))
			.containsExactly(List.of("0"));
		assertThat(ok("stamp", "bbb001").out())
			.matches("Stamped aaa001 -> bbb001 in \\d+\\.\\d\\d s; no migration ran\n");
		assertThat(versionTable()).containsExactly("bbb001");
		ok("stamp", "base", "--purge");
		assertThat(versionTable()).isEmpty();
	}

	@Test
	void historyPrintsAlembicLinesWithHeadCurrentBranchAndMergeMarkers() {
		branchedHistory();
		ok("merge", "-m", "merge feature", "heads", "--rev-id", "mmm001");
		ok("upgrade", "ccc001");
		assertThat(ok("history", "--indicate-current").out()).isEqualTo("""
				bbb002, ccc001 -> mmm001 (head) (mergepoint), merge feature
				bbb001 -> bbb002, add invoices
				aaa001 -> bbb001, add orders
				aaa001 -> ccc001 (feature) (current), feature table
				<base> -> aaa001 (branchpoint), create account table
				""");
		assertThat(ok("history", "-r", "bbb001:bbb002").out()).isEqualTo("""
				bbb001 -> bbb002, add invoices
				aaa001 -> bbb001, add orders
				""");
	}

	@Test
	void currentShowsTheVersionTableAndCheckHeadsFailsWhenBehind() {
		branchedHistory();
		assertThat(ok("current").out()).isEqualTo("<base> (no revision applied)\n");
		ok("upgrade", "bbb002");
		assertThat(ok("current").out()).isEqualTo("bbb002 (head)\n");
		assertThat(fails("current", "--check-heads").err()).isEqualTo("Error: The database is not at the head "
				+ "revision(s): it is at bbb002, the scripts' heads are bbb002, ccc001; run 'migration upgrade heads'\n");
		ok("upgrade", "heads");
		assertThat(ok("current", "--check-heads").out()).isEqualTo("bbb002 (head)\nccc001 (feature) (head)\n");
		assertThat(ok("current", "--json").out()).contains("\"current\": [\n    \"bbb002\",\n    \"ccc001\"\n  ],")
			.contains("\"atHeads\": true");
	}

	@Test
	void headsAndBranchesAndShowDescribeTheGraph() {
		branchedHistory();
		assertThat(ok("heads").out()).isEqualTo("bbb002 (head)\nccc001 (feature) (head)\n");
		assertThat(ok("branches").out()).isEqualTo("""
				aaa001 (branchpoint)
				       -> bbb001, add orders
				       -> ccc001 (feature) (head), feature table
				""");
		assertThat(ok("show", "feature@head").out()).isEqualTo("""
				Rev: ccc001 (feature) (head)
				Parent: aaa001
				Branch names: feature
				Path: filesystem:%s/ccc001_feature_table.sql
				Kind: sql
				Created: %s

				    feature table

				""".formatted(this.dir.resolve("db/migration"),
				ok("show", "ccc001", "--json").out().replaceAll("(?s).*\"created\": \"([^\"]+)\".*", "$1")));
	}

	@Test
	void headsResolveDependenciesDropsAHeadAnotherHeadDependsOn() {
		revision("aaa001", "root");
		revision("ddd001", "other root", "--head", "base", "--branch-label", "other");
		revision("ccc001", "needs aaa", "--head", "other@head", "--depends-on", "aaa001");
		assertThat(ok("heads").out()).isEqualTo("aaa001 (head)\nccc001 (head)\n");
		assertThat(ok("heads", "--resolve-dependencies").out()).isEqualTo("ccc001 (head)\n");
	}

	@Test
	void validateFailsWhenAnAppliedScriptWasEdited() throws IOException {
		revision("aaa001", "create account table");
		ok("upgrade");
		assertThat(ok("validate").out())
			.isEqualTo("Valid: 1 revisions, applied scripts unchanged, no unknown revision in the database\n");
		Files.writeString(Project.file(this.dir, "aaa001"), "-- edited\n", java.nio.file.StandardOpenOption.APPEND);
		String error = fails("validate").err();
		assertThat(error)
			.startsWith("Error: Validation failed (1 problem): Revision aaa001 (filesystem:"
					+ this.dir.resolve("db/migration") + "/aaa001_create_account_table.sql) was edited after it was "
					+ "applied: applied checksum ")
			.endsWith(". Revert the edit, or put the change in a new revision; if the edit is intended, run "
					+ "'repair' to record the new checksum; or set "
					+ "migration.validate-checksums=false to skip this check\n");
	}

	@Test
	void statusListsEveryRevisionWithItsState() {
		revision("aaa001", "create account table");
		revision("bbb001", "add orders");
		ok("upgrade", "aaa001");
		String out = ok("status").out();
		assertThat(out).startsWith("""
				Database: H2, at aaa001
				Heads: bbb001
				Pending (heads): bbb001

				State    Revision       Applied at            Duration  Checksum  Message
				""");
		assertThat(out.lines().toList().subList(5, 7)).satisfiesExactly(
				(line) -> assertThat(line).matches("pending  bbb001 +-         add orders"), (line) -> assertThat(line)
					.matches("applied  aaa001 +\\S+ +\\d+\\.\\d\\d s  ok        create account table"));
		assertThat(ok("status", "--json").out()).contains("\"pending\": [\n    \"bbb001\"\n  ],");
	}

	@Test
	void statusAndValidateNameTransactionControlInATransactionalRevisionWithoutRunning() throws IOException {
		revision("aaa001", "create account table");
		Path file = Project.file(this.dir, "aaa001");
		Files.writeString(file, Files.readString(file).replace("-- +upgrade\n", "-- +upgrade\nCOMMIT;\n"));
		int line = Files.readString(file).lines().toList().indexOf("COMMIT;") + 1;
		String problem = "filesystem:" + this.dir.resolve("db/migration") + "/aaa001_create_account_table.sql:" + line
				+ ": COMMIT in the upgrade section of a transactional revision would end the transaction the "
				+ "revision runs in, so a later failure could not roll back what ran before it; remove it, or add "
				+ "the header '-- transactional: false' to run the revision statement by statement without a "
				+ "transaction of its own";
		assertThat(ok("status").out()).contains("\nRefused before running: " + problem + "\n");
		assertThat(ok("status", "--json").out()).contains("\"scriptProblems\": [");
		assertThat(fails("validate").err()).contains(problem);
	}

	@Test
	void profileFileAndEnvironmentVariablesOverrideTheApplicationYml() throws IOException {
		revision("aaa001", "create account table");
		Files.writeString(this.dir.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:h2:mem:never_used;IFEXISTS=TRUE
				migration:
				  locations: filesystem:db/migration
				""");
		Files.writeString(this.dir.resolve("application-prod.yml"),
				"spring:\n  datasource:\n    url: \"" + this.database.url() + "\"\n    username: sa\n");
		ok("upgrade", "--profile", "prod");
		assertThat(versionTable()).containsExactly("aaa001");
		CliRunner fromEnvironment = new CliRunner(this.dir).env("SPRING_DATASOURCE_URL", this.database.url())
			.env("SPRING_DATASOURCE_USERNAME", "sa");
		CliRunner.Result result = fromEnvironment.run("current");
		assertThat(result.out()).as(result.toString()).isEqualTo("aaa001 (head)\n");
	}

	@Test
	void verboseAndJsonOutputsDescribeTheRevisionsInFull() {
		revision("aaa001", "create account table");
		ok("upgrade");
		assertThat(ok("current", "--verbose").out()).startsWith("Rev: aaa001 (head)\nParent: <base>\nPath: filesystem:")
			.contains("\n    create account table\n");
		assertThat(ok("history", "--json").out()).startsWith("{\n  \"revisions\": [\n    {\n      \"id\": \"aaa001\",\n"
				+ "      \"message\": \"create account table\",\n      \"revises\": [],");
		assertThat(ok("validate", "--json").out()).startsWith("{\n  \"valid\": true,\n  \"problems\": [],");
		assertThat(ok("branches", "--json").out()).isEqualTo("{\n  \"branchPoints\": []\n}\n");
	}

	@Test
	void offlineUpgradeOfARangeNeedsOnlyTheDialect() throws IOException {
		revision("aaa001", "create account table");
		revision("bbb001", "add orders");
		CliRunner.Result result = this.cli.run("upgrade", "--sql", "--dialect", "postgresql", "--url", "",
				"aaa001:bbb001");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("CREATE TABLE t_bbb001 (id INT PRIMARY KEY);")
			.contains("UPDATE migration_version SET version_num = 'bbb001' WHERE version_num = 'aaa001';")
			.doesNotContain("t_aaa001");
		assertThat(this.database.query("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'PUBLIC'"))
			.containsExactly(List.of("0"));
	}

	@Test
	void userErrorsAreOneParagraphWithTheRemedy() {
		branchedHistory();
		ok("upgrade", "bbb002");
		assertThat(fails("upgrade", "zzzzzz").err())
			.isEqualTo("Error: No revision or branch label 'zzzzzz'; run " + "'history' to list the revisions\n");
		assertThat(fails("upgrade", "bbb").err()).isEqualTo("Error: Revision prefix 'bbb' is ambiguous: it matches "
				+ "bbb001, bbb002; type more characters of the id\n");
		assertThat(fails("upgrade", "head").err()).isEqualTo("Error: 'head' is ambiguous: there are 2 heads "
				+ "(bbb002, ccc001); name a head, use 'heads', or run 'merge'\n");
		assertThat(fails("downgrade", "nope12345678").err())
			.isEqualTo("Error: No revision or branch label " + "'nope12345678'; run 'history' to list the revisions\n");
	}

}
