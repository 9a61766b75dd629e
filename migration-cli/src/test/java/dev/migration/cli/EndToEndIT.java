package dev.migration.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a real process on each database: a branched history written with
 * {@code revision} and {@code merge}, walked up and down with every kind of identifier,
 * and the offline script compared with the online run.
 */
class EndToEndIT {

	@TempDir
	Path dir;

	private CliRunner.Result ok(String... args) {
		CliRunner.Result result = CliProcess.run(this.dir, args);
		assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result).isZero();
		return result;
	}

	private void revision(String id, String message, String... options) {
		Project.revision(this.dir, this::ok, id, message, options);
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void branchedHistoryWalksUpAndDownWithEveryKindOfIdentifier(DatabaseKind kind) {
		try (ProcessDatabase database = ProcessDatabase.create(kind);
				ProcessDatabase offline = ProcessDatabase.create(kind)) {
			Project.create(this.dir, database.url(), database.user(), database.password());
			revision("aaa001", "create account table");
			revision("bbb001", "add orders");
			revision("bbb002", "add invoices");
			revision("ccc001", "feature table", "--head", "aaa001", "--splice", "--branch-label", "feature");
			revision("ccc002", "feature two", "--head", "feature@head");
			ok("merge", "-m", "merge feature", "heads", "--rev-id", "mmm001");
			Project.fill(this.dir, "mmm001", "CREATE TABLE t_mmm001 (id INT PRIMARY KEY);", "DROP TABLE t_mmm001;");

			assertThat(ok("upgrade", "aaa").out()).matches("upgrade <base> -> aaa001, create account table "
					+ "\\(\\d+\\.\\d\\d s\\)\nUpgraded 1 revision in \\d+\\.\\d\\d s; now at aaa001\n");
			assertThat(database.versionTable()).containsExactly("aaa001");
			ok("upgrade", "bbb001");
			assertThat(database.versionTable()).containsExactly("bbb001");
			ok("upgrade", "feature@+1");
			assertThat(database.versionTable()).containsExactly("bbb001", "ccc001");
			ok("upgrade", "bbb001+1");
			assertThat(database.versionTable()).containsExactly("bbb002", "ccc001");
			assertThat(ok("upgrade", "feature@head").out()).matches("""
					upgrade ccc001 -> ccc002, feature two \\(\\d+\\.\\d\\d s\\)
					upgrade bbb002, ccc002 -> mmm001, merge feature \\(\\d+\\.\\d\\d s\\)
					Upgraded 2 revisions in \\d+\\.\\d\\d s; now at mmm001
					""");
			assertThat(database.versionTable()).containsExactly("mmm001");
			assertThat(database.hasTable("t_mmm001")).isTrue();
			assertThat(ok("current").out()).isEqualTo("mmm001 (head) (mergepoint)\n");
			assertThat(ok("heads").out()).isEqualTo("mmm001 (head) (mergepoint)\n");
			assertThat(ok("history", "--indicate-current").out()).isEqualTo("""
					bbb002, ccc002 -> mmm001 (head) (current) (mergepoint), merge feature
					bbb001 -> bbb002, add invoices
					aaa001 -> bbb001, add orders
					ccc001 -> ccc002, feature two
					aaa001 -> ccc001 (feature), feature table
					<base> -> aaa001 (branchpoint), create account table
					""");

			ok("downgrade", "ccc002-1");
			assertThat(database.versionTable()).containsExactly("bbb002", "ccc001");
			assertThat(database.hasTable("t_mmm001")).isFalse();
			assertThat(ok("current").out()).isEqualTo("bbb002\nccc001 (feature)\n");
			ok("downgrade", "feature@-1");
			assertThat(database.versionTable()).containsExactly("bbb002");
			ok("upgrade", "head");
			assertThat(database.versionTable()).containsExactly("mmm001");
			assertThat(ok("downgrade", "base").out())
				.matches("(?s).*\nDowngraded 6 revisions in \\d+\\.\\d\\d s; now at <base>\n");
			assertThat(database.versionTable()).isEmpty();
			assertThat(database.hasTable("t_aaa001")).isFalse();
			ok("upgrade", "+1");
			assertThat(database.versionTable()).containsExactly("aaa001");
			ok("downgrade", "-1");
			assertThat(database.versionTable()).isEmpty();
			ok("upgrade");
			assertThat(database.versionTable()).containsExactly("mmm001");
			ok("stamp", "bbb002", "ccc001", "--purge");
			assertThat(database.versionTable()).containsExactly("bbb002", "ccc001");
			ok("stamp", "heads");

			String upgradeScript = ok("upgrade", "--sql", "base:heads").out();
			offline.runScript(upgradeScript);
			assertThat(offline.versionTable()).isEqualTo(database.versionTable());
			for (String id : List.of("aaa001", "bbb001", "bbb002", "ccc001", "ccc002", "mmm001")) {
				assertThat(offline.hasTable("t_" + id)).as(id).isTrue();
			}
			offline.runScript(ok("downgrade", "--sql", "heads:base").out());
			assertThat(offline.versionTable()).isEmpty();
			assertThat(offline.hasTable("t_aaa001")).isFalse();
		}
	}

}
