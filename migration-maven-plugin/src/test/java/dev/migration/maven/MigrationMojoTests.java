package dev.migration.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The goals as Maven runs them, with a project whose application.yml names the database
 * and whose compiled classes hold an entity: revision -Dmigration.autogenerate, upgrade,
 * check, current, history, downgrade.
 */
class MigrationMojoTests {

	@TempDir
	Path project;

	@ParameterizedTest
	@MethodSource("dev.migration.testing.TestDatabase#kinds")
	void goalsRunWithTheProjectsClassesAndApplicationYml(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Path scripts = MojoProject.scripts(this.project, db);
			RevisionMojo revision = configure(new RevisionMojo());
			revision.message = "Add customer";
			revision.autogenerate = true;
			revision.sql = true;
			revision.basedir = this.project.toFile();
			revision.execute();
			try (var files = Files.list(scripts)) {
				List<Path> written = files.toList();
				assertThat(written).hasSize(1);
				assertThat(written.get(0).getFileName().toString()).endsWith("_add_customer.sql");
				assertThat(Files.readString(written.get(0))).contains("-- migration: Add customer",
						"CREATE TABLE customer");
			}
			configure(new UpgradeMojo()).execute();
			configure(new CheckMojo()).execute();
			configure(new CurrentMojo()).execute();
			configure(new HistoryMojo()).execute();
			DowngradeMojo downgrade = configure(new DowngradeMojo());
			downgrade.target = "base";
			downgrade.execute();
			assertThat(db.tables()).noneMatch((table) -> table.equals("customer"));
			assertThatThrownBy(() -> configure(new CheckMojo()).execute()).isInstanceOf(MojoFailureException.class)
				.hasMessageStartingWith("Cannot check: the database is at base but the revisions' head is [")
				.hasMessageEndingWith("]; run `upgrade heads` first, so that the comparison starts from the schema "
						+ "the revisions make");
		}
	}

	@org.junit.jupiter.api.Test
	void aMistypedLocationFailsTheGoal() throws Exception {
		Path resources = Files.createDirectories(this.project.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), "spring:\n  datasource:\n    url: "
				+ "jdbc:h2:mem:mojo_locations\n    username: sa\nmigration:\n  locations: classpath:db/nope\n");
		UpgradeMojo upgrade = configure(new UpgradeMojo());
		upgrade.basedir = this.project.toFile();
		upgrade.environment = java.util.Map.of();
		assertThatThrownBy(upgrade::execute).isInstanceOf(MojoFailureException.class)
			.hasMessage("Invalid configuration: 'migration.locations' names classpath:db/nope, which does not exist: "
					+ "no directory db/nope on the class path (in a jar, the directory needs its own entry, as jar "
					+ "tools write by default). Fix the location (or create it), or set "
					+ "migration.fail-on-missing-locations=false to continue without it");
		UpgradeMojo lenient = configure(new UpgradeMojo());
		lenient.basedir = this.project.toFile();
		lenient.environment = java.util.Map.of();
		lenient.userProperties.setProperty("migration.fail-on-missing-locations", "false");
		lenient.execute();
	}

	private <T extends AbstractMigrationMojo> T configure(T mojo) {
		mojo.resources = this.project.resolve("src/main/resources").toFile();
		mojo.outputDirectory = new File(Customer().getProtectionDomain().getCodeSource().getLocation().getPath());
		if (mojo instanceof AbstractAutogenerateMojo autogenerate) {
			autogenerate.entities = "dev.migration.maven.sample";
		}
		return mojo;
	}

	private static Class<?> Customer() {
		return dev.migration.maven.sample.Customer.class;
	}

}
