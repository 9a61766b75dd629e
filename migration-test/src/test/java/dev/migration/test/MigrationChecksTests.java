package dev.migration.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.test.fixtures.entities.Account;
import dev.migration.test.fixtures.entities.DriftedAccount;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The built-in checks on every database: sound revisions pass them all, and each broken
 * fixture fails with the message that names the revision, the direction, the difference
 * and the remedy.
 */
class MigrationChecksTests {

	@EachDatabase
	void soundRevisionsPassEveryCheck(TestDatabase db) {
		MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.GOOD);
		checks.all();
		assertThat(checks.migrator().current()).isEmpty();
		assertThat(db.tables()).containsOnly("migration_history", "migration_history_format", "migration_version");
	}

	@EachDatabase
	void checksPutAMigratedDatabaseBackAtItsHeads(TestDatabase db) {
		MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.GOOD);
		checks.migrator().upgrade("heads");
		db.execute("INSERT INTO accounts (id, email) VALUES (1, 'a@example.com')");
		checks.upgradeOneByOne().stairway().offlineSqlMatches();
		assertThat(checks.migrator().current()).containsExactly("a3a3a3a3a3a3");
	}

	@EachDatabase
	void stairwayCatchesADowngradeThatForgetsAnIndex(TestDatabase db) {
		MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.FORGOTTEN_INDEX);
		assertThatExceptionOfType(MigrationCheckFailure.class).isThrownBy(checks::stairway)
			.withMessage("Stairway failed at revision f2f2f2f2f2f2 (\"Index emails, forget it on the way down\", "
					+ "dev.migration.test.fixtures.forgotten.F2ForgetEmailIndex), step 2 of 2: after its upgrade "
					+ "and downgrade the schema is not what it was before the upgrade:\n"
					+ "  left behind: index ix_accounts_email on accounts (email)\n"
					+ "Make the downgrade of f2f2f2f2f2f2 undo everything its upgrade does: drop what is left "
					+ "behind, recreate what is missing")
			.satisfies((failure) -> {
				assertThat(failure.getCheck()).isEqualTo("stairway");
				assertThat(failure.getRevision()).isEqualTo("f2f2f2f2f2f2");
				assertThat(failure.getDirection()).isEqualTo("downgrade");
				assertThat(failure.getDifferences())
					.containsExactly("left behind: index ix_accounts_email on accounts (email)");
			});
	}

	@EachDatabase
	void upgradeOneByOneAppliesEachRevisionOnItsOwn(TestDatabase db) {
		MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.GOOD);
		checks.upgradeOneByOne();
		// newest first: applied one at a time, then back to base where the database
		// was
		assertThat(checks.migrator().log(10)).extracting((entry) -> entry.direction() + " " + entry.revision())
			.containsExactly("DOWNGRADE a1a1a1a1a1a1", "DOWNGRADE a2a2a2a2a2a2", "DOWNGRADE a3a3a3a3a3a3",
					"UPGRADE a3a3a3a3a3a3", "UPGRADE a2a2a2a2a2a2", "UPGRADE a1a1a1a1a1a1");
	}

	@EachDatabase
	void modelsMatchCatchesAnEntityTheMigrationsDoNotBuild(TestDatabase db) {
		MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE);
		checks.modelsMatch(Account.class);
		assertThatExceptionOfType(MigrationCheckFailure.class)
			.isThrownBy(() -> checks.modelsMatch(DriftedAccount.class))
			.withMessage("The migrations do not build the schema of the entities [DriftedAccount]: at "
					+ "[a1a1a1a1a1a1], `check` finds\n" + "  - add column accounts.nickname string(50)\n"
					+ "Generate a revision for it (`migration revision --autogenerate -m \"<message>\"`, or "
					+ "`mvn migration:revision -Dmigration.autogenerate -Dmigration.message=...`) and review it, "
					+ "or change the entities [DriftedAccount] to match the migrations");
		assertThat(checks.migrator().current()).isEmpty();
	}

	@Test
	void singleHeadCatchesTwoHeads() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.TWO_HEADS);
			assertThatExceptionOfType(MigrationCheckFailure.class).isThrownBy(checks::singleHead)
				.withMessage("The revisions have 2 heads: b2b2b2b2b2b2 (\"Add nickname\", " + Fixtures.TWO_HEADS
						+ "/b2b2b2b2b2b2_add_nickname.sql), c2c2c2c2c2c2 (\"Add audit\", " + Fixtures.TWO_HEADS
						+ "/c2c2c2c2c2c2_add_audit.sql). "
						+ "Upgrading to 'head' fails and 'heads' applies the branches in no fixed order. Run "
						+ "`migration merge heads -m \"<message>\"` to join them, or declare the heads the "
						+ "application upgrades to with heads(...) (@MigrationTest(heads = ...))");
			checks.heads("b2b2", "c2c2").singleHead();
		}
	}

	@Test
	void singleHeadCatchesABranchLabelUsedTwice() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.DUPLICATE_LABEL);
			assertThatExceptionOfType(MigrationCheckFailure.class).isThrownBy(checks::singleHead)
				.withMessage("The revisions cannot be loaded: Branch label 'reporting' is declared by revision "
						+ "g2g2g2g2g2g2 (" + Fixtures.DUPLICATE_LABEL + "/g2g2g2g2g2g2_add_g3.sql) and by revision "
						+ "h2h2h2h2h2h2 (" + Fixtures.DUPLICATE_LABEL + "/h2h2h2h2h2h2_add_h3.sql). A label names one "
						+ "branch: remove it from one of them, or rename one.");
		}
	}

	@Test
	void declaredHeadsMustBeTheGraphsHeads() {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2)) {
			MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.TWO_HEADS).heads("b2b2b2b2b2b2");
			assertThatExceptionOfType(MigrationCheckFailure.class).isThrownBy(checks::singleHead)
				.withMessageStartingWith("The revisions' heads are b2b2b2b2b2b2 (")
				.withMessageEndingWith(" but the test declares [b2b2b2b2b2b2]. Merge the heads that should not "
						+ "exist (`migration merge`), or update the declared heads");
		}
	}

	@EachDatabase
	void testerCatchesADataMigrationThatLosesRows(TestDatabase db) {
		MigrationChecks checks = Fixtures.checks(db, Fixtures.BASE, Fixtures.LOSSY);
		try (MigrationTester tester = checks.tester()) {
			tester.upgradeTo("a1a1a1a1a1a1")
				.then((jdbc) -> jdbc.sql("INSERT INTO accounts (id, email, status) VALUES "
						+ "(1, 'a@example.com', 'new'), (2, 'b@example.com', 'closed'), (3, 'c@example.com', 'new')")
					.update())
				.upgradeTo("d2d2");
			assertThatExceptionOfType(MigrationCheckFailure.class)
				.isThrownBy(() -> tester.then(
						(jdbc) -> assertThat(jdbc.sql("SELECT email FROM users ORDER BY id").query(String.class).list())
							.containsExactly("a@example.com", "b@example.com", "c@example.com")))
				.withMessage("Data step after the upgrade to d2d2d2d2d2d2 (\"Move accounts to users\", "
						+ Fixtures.LOSSY + "/d2d2d2d2d2d2_move_accounts_to_users.sql) failed: \n"
						+ "Expecting actual:\n  [\"a@example.com\", \"c@example.com\"]\n"
						+ "to contain exactly (and in same order):\n"
						+ "  [\"a@example.com\", \"b@example.com\", \"c@example.com\"]\n"
						+ "but could not find the following elements:\n  [\"b@example.com\"]\n");
		}
		assertThat(checks.migrator().current()).isEmpty();
	}

}
