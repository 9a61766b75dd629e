package dev.migration.autogenerate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.MigrationConfig;
import dev.migration.command.Migrator;
import dev.migration.autogenerate.entities.Owner;
import dev.migration.autogenerate.entities.PetV1;
import dev.migration.autogenerate.entities.PetV2;
import dev.migration.autogenerate.entities.PetV3;
import dev.migration.autogenerate.entities.PetV4;
import dev.migration.autogenerate.entities.PetV5;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8's round trip through the engine: from an empty database, `check` lists exactly
 * the entity changes, `revision --autogenerate` writes them as an SQL revision, `upgrade
 * heads` applies it, `check` is clean, `downgrade -1` restores the catalogue.
 */
class AutogenerateRevisionTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@MethodSource("dev.migration.testing.TestDatabase#kinds")
	void entityChangesRoundTripThroughGeneratedSqlRevisions(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			MigrationConfig config = MigrationConfig.builder()
				.dataSource(db.dataSource())
				.locations("filesystem:" + this.directory)
				.build();
			assertThat(step(db, config, "Add owner", Owner.class)).containsExactly("add table owner");
			assertThat(step(db, config, "Add pet", Owner.class, PetV1.class)).containsExactly("add table pet");
			assertThat(step(db, config, "Add born", Owner.class, PetV2.class))
				.containsExactly("add column pet.born date");
			assertThat(step(db, config, "Drop notes", Owner.class, PetV3.class))
				.containsExactly("remove column pet.notes");
			assertThat(step(db, config, "Longer name", Owner.class, PetV4.class))
				.containsExactly("modify column pet.name: type string(50) -> string(80) not null");
			assertThat(step(db, config, "Unique name", Owner.class, PetV5.class))
				.containsExactly("add unique constraint ux_pet_name on pet[owner_id, name]");
			assertThat(step(db, config, "Drop pet", Owner.class)).containsExactly("remove table pet");
			assertThat(new Migrator(config).history(null)).hasSize(7);
		}
	}

	private List<String> step(TestDatabase db, MigrationConfig config, String message, Class<?>... entities)
			throws Exception {
		DesiredSource desired = DesiredSource.entities(List.of(entities));
		List<String> before = SchemaDiffTests.catalogue(db);
		CheckResult pending = new Autogenerator(new Migrator(config)).check(desired);
		assertThat(pending.exitCode()).isEqualTo(1);
		Path file = new Autogenerator(new Migrator(config)).revision(message, desired, this.directory,
				Autogenerator.Format.SQL, null);
		assertThat(Files.readString(file)).contains("-- migration: " + message, "-- +upgrade", "-- +downgrade",
				RevisionFiles.NOT_DETECTED);
		new Migrator(config).upgrade("heads");
		CheckResult clean = new Autogenerator(new Migrator(config)).check(desired);
		assertThat(clean.report()).isEqualTo("No new upgrade operations detected.");
		assertThat(clean.exitCode()).isZero();
		new Migrator(config).downgrade("-1");
		assertThat(SchemaDiffTests.catalogue(db)).isEqualTo(before);
		new Migrator(config).upgrade("heads");
		return pending.differences();
	}

}
