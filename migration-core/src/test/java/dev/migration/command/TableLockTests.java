package dev.migration.command;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.LockLostException;
import dev.migration.LockMode;
import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.RevisionInfo;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Runs under {@code migration.lock=table}: the lease table beside the version table. */
class TableLockTests {

	@TempDir
	Path dir;

	/** The schema the engine reports its tables in. */
	private static String schema(TestDatabase db) {
		return switch (db.kind()) {
			case H2 -> "PUBLIC";
			case SQLITE -> "main";
			default -> db.name();
		};
	}

	/** Plays another run that took the lease over while this revision ran. */
	@RevisionInfo(id = "stolen", revises = "a1")
	static final class StealLease implements Migration {

		@Override
		public void upgrade(MigrationContext context) throws Exception {
			// on this connection: inside the revision's transaction where it has one,
			// which
			// the fence must see as well as a committed takeover
			try (Statement statement = context.connection().createStatement()) {
				statement.executeUpdate("UPDATE migration_version_lock SET token = 'other', owner_pid = 4242");
			}
		}

	}

	@EachDatabase
	void upgradeUnderTheTableLockReleasesTheLeaseAfterwards(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).linear();
		Migrator migrator = new Migrator(scripts.config(db).lockMode(LockMode.TABLE).build());
		assertThat(migrator.upgrade("heads").steps()).hasSize(3);
		assertThat(Rows.versions(db)).containsExactly("a3");
		assertThat(db.tables()).contains("migration_version_lock");
		assertThat(db.query("SELECT lock_scope, owner_pid, expires_at FROM migration_version_lock")).containsExactly(
				List.of(schema(db) + ".migration_version", Long.toString(ProcessHandle.current().pid()), "0"));
	}

	@EachDatabase
	void versionTableWriteFailsWhenAnotherRunTookTheLeaseOver(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", null);
		Migrator migrator = new Migrator(scripts.config(db)
			.lockMode(LockMode.TABLE)
			.lockTimeout(Duration.ZERO)
			.migrations(List.of(new StealLease()))
			.build());
		LockLostException ex = catchThrowableOfType(LockLostException.class, () -> migrator.upgrade("heads"));
		assertThat(ex.getMessage()).startsWith("Lost the migration lock (lease on migration_version_lock for "
				+ schema(db) + ".migration_version) before writing the version table migration_version: it is "
				+ "now held by process 4242 on ");
		assertThat(Rows.versions(db)).containsExactly("a1");
	}

	@EachDatabase
	void autoKeepsTheSessionLockOnADirectConnection(TestDatabase db) {
		Scripts scripts = new Scripts(this.dir).linear();
		new Migrator(scripts.config(db).build()).upgrade("heads");
		assertThat(db.tables()).doesNotContain("migration_version_lock");
	}

}
