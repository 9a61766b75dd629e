package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.DowngradeNotAllowedException;
import dev.migration.HistoryEntry;
import dev.migration.MigrationResult;
import dev.migration.MigrationStatus;
import dev.migration.RevisionStatus;
import dev.migration.UnknownDatabaseRevisionException;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigratorTests {

	@TempDir
	Path dir;

	@EachDatabase
	void upgradeAppliesPendingInOrderAndRecordsEachRevision(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).linear();
		Migrator migrator = scripts.migrator(db);
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("a1", "a2", "a3");
		assertThat(result.fromHeads()).isEmpty();
		assertThat(result.toHeads()).containsExactly("a3");
		assertThat(Rows.userTables(db)).containsExactly("t1", "t2", "t3");
		assertThat(Rows.versions(db)).containsExactly("a3");
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1");
		assertThat(migrator.current()).containsExactly("a3");
	}

	@EachDatabase
	void upgradeOneStepAtATimeUpdatesTheVersionRow(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		Rows.upgradeTo(migrator, db, "a1", "a1");
		Rows.upgradeTo(migrator, db, "+1", "a2");
		assertThat(Rows.userTables(db)).containsExactly("t1", "t2");
	}

	@EachDatabase
	void upgradeWithNothingPendingDoesNothing(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		migrator.upgrade("heads");
		MigrationResult again = migrator.upgrade("heads");
		assertThat(again.steps()).isEmpty();
		assertThat(again.fromHeads()).containsExactly("a3");
		assertThat(Rows.history(db)).hasSize(3);
	}

	@EachDatabase
	void listenerHearsOfEachRevisionWhileTheRunGoesOn(TestDatabase db) {
		List<String> heard = new java.util.ArrayList<>();
		Migrator plain = new Scripts(this.dir).linear().migrator(db);
		Migrator migrator = new Migrator(plain.config()
			.toBuilder()
			.listener((direction, step) -> heard
				.add(direction + " " + step.revision() + " history=" + Rows.history(db).size()))
			.build());
		migrator.upgrade("heads");
		migrator.downgrade("a2");
		assertThat(heard).containsExactly("UPGRADE a1 history=1", "UPGRADE a2 history=2", "UPGRADE a3 history=3",
				"DOWNGRADE a3 history=4");
	}

	@EachDatabase
	void upgradeToARevisionBelowCurrentIsRefused(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		migrator.upgrade("heads");
		assertThatExceptionOfType(dev.migration.InvalidUpgradeTargetException.class)
			.isThrownBy(() -> migrator.upgrade("a1"))
			.withMessage("Cannot upgrade to 'a1': it is below the database's current revision (a3), and upgrade "
					+ "never goes down. Run 'downgrade a1' to revert to it");
		assertThat(Rows.versions(db)).containsExactly("a3");
		assertThat(Rows.userTables(db)).containsExactly("t1", "t2", "t3");
	}

	@EachDatabase
	void downgradeRevertsNewestFirst(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		migrator.upgrade("heads");
		MigrationResult result = migrator.downgrade("a1");
		assertThat(result.steps()).extracting(MigrationResult.Step::revision).containsExactly("a3", "a2");
		assertThat(Rows.versions(db)).containsExactly("a1");
		assertThat(Rows.userTables(db)).containsExactly("t1");
		Rows.downgradeTo(migrator, db, "base");
		assertThat(Rows.userTables(db)).isEmpty();
		assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1",
				"a3 DOWNGRADE ok 1/1", "a2 DOWNGRADE ok 1/1", "a1 DOWNGRADE ok 1/1");
	}

	@EachDatabase
	void stampMovesTheVersionTableWithoutRunningScripts(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		MigrationResult result = migrator.stamp(List.of("a2"), false);
		assertThat(result.direction()).isEqualTo(HistoryEntry.Direction.STAMP);
		assertThat(Rows.versions(db)).containsExactly("a2");
		assertThat(Rows.userTables(db)).isEmpty();
		assertThat(Rows.history(db)).containsExactly("a2 STAMP ok 0/0");
		migrator.upgrade("heads");
		assertThat(Rows.userTables(db)).containsExactly("t3");
		assertThat(Rows.versions(db)).containsExactly("a3");
	}

	@EachDatabase
	void upgradeRefusesRevisionsNoScriptKnowsAndStampPurgeReplacesThem(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		migrator.stamp(List.of("a1"), false);
		db.execute("UPDATE migration_version SET version_num = 'zz9' WHERE version_num = 'a1'");
		assertThatExceptionOfType(UnknownDatabaseRevisionException.class).isThrownBy(() -> migrator.upgrade("heads"))
			.withMessage("The version table migration_version holds revision zz9 that no script defines: the "
					+ "database is ahead of these scripts or scripts were deleted. Deploy the scripts that define "
					+ "it, or, if they are gone for good, 'stamp' the revision the schema really is at")
			.satisfies((ex) -> assertThat(ex.getRevisions()).containsExactly("zz9"));
		migrator.stamp(List.of("a2"), true);
		assertThat(Rows.versions(db)).containsExactly("a2");
	}

	@EachDatabase
	void migrateToBelowCurrentRefusesUnlessDowngradesAreAllowed(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).linear();
		Migrator migrator = scripts.migrator(db);
		migrator.migrateTo("heads");
		assertThatExceptionOfType(DowngradeNotAllowedException.class).isThrownBy(() -> migrator.migrateTo("a1"))
			.withMessage("Target 'a1' is below the database's current revision (a3): reaching it would "
					+ "downgrade, which is off by default. Set migration.allow-downgrade=true to allow it, or run "
					+ "'downgrade a1' explicitly");
		assertThat(Rows.versions(db)).containsExactly("a3");
		Migrator allowed = new Migrator(scripts.config(db).allowDowngrade(true).build());
		MigrationResult result = allowed.migrateTo("a1");
		assertThat(result.direction()).isEqualTo(HistoryEntry.Direction.DOWNGRADE);
		assertThat(Rows.versions(db)).containsExactly("a1");
	}

	@EachDatabase
	void statusReportsAppliedAndPendingRevisions(DatabaseKind kind, TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		migrator.upgrade("a1");
		MigrationStatus status = migrator.status();
		assertThat(status.dialect()).isEqualTo(kind.dialect());
		assertThat(status.currentHeads()).containsExactly("a1");
		assertThat(status.graphHeads()).containsExactly("a3");
		assertThat(status.pending()).containsExactly("a2", "a3");
		assertThat(status.unknownRevisions()).isEmpty();
		assertThat(status.changedChecksums()).isEmpty();
		assertThat(status.isUpToDate()).isFalse();
		assertThat(status.revisions()).extracting(RevisionStatus::id, RevisionStatus::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a3", RevisionStatus.State.PENDING),
					org.assertj.core.groups.Tuple.tuple("a2", RevisionStatus.State.PENDING),
					org.assertj.core.groups.Tuple.tuple("a1", RevisionStatus.State.APPLIED));
		RevisionStatus a1 = status.revisions().get(2);
		assertThat(a1.appliedAt()).isNotNull();
		assertThat(a1.duration()).isNotNull();
		assertThat(a1.checksumStatus()).isEqualTo(RevisionStatus.ChecksumStatus.OK);
		assertThat(status.revisions().get(0).checksumStatus()).isEqualTo(RevisionStatus.ChecksumStatus.NOT_APPLICABLE);
		migrator.upgrade("heads");
		assertThat(migrator.status().isUpToDate()).isTrue();
	}

	@EachDatabase
	void readOnlyCommandsOnAFreshDatabaseCreateNothing(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		assertThat(migrator.current()).isEmpty();
		assertThat(migrator.status().pending()).containsExactly("a1", "a2", "a3");
		assertThat(migrator.log(10)).isEmpty();
		assertThat(migrator.validate().isValid()).isTrue();
		assertThat(db.tables()).isEmpty();
	}

	@EachDatabase
	void logListsHistoryNewestFirst(TestDatabase db) {
		Migrator migrator = new Scripts(this.dir).linear().migrator(db);
		migrator.upgrade("heads");
		List<HistoryEntry> log = migrator.log(2);
		assertThat(log).extracting(HistoryEntry::revision).containsExactly("a3", "a2");
		HistoryEntry newest = log.get(0);
		assertThat(newest.direction()).isEqualTo(HistoryEntry.Direction.UPGRADE);
		assertThat(newest.success()).isTrue();
		assertThat(newest.checksum()).isEqualTo(migrator.graph().get("a3").checksum()).hasSize(64);
		assertThat(newest.error()).isNull();
	}

}
