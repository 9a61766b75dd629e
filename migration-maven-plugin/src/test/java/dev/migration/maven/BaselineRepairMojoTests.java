package dev.migration.maven;

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
 * {@code migration:upgrade} on a schema built without the tool, then with
 * {@code -Dmigration.baseline}; {@code migration:repair} after an intended edit.
 */
class BaselineRepairMojoTests {

	@TempDir
	Path project;

	private Path scripts;

	@ParameterizedTest
	@MethodSource("dev.migration.testing.TestDatabase#kinds")
	void upgradeRefusesThenBaselinesAndRepairReRecordsAnEdit(DatabaseKind kind) throws Exception {
		try (TestDatabase db = TestDatabase.create(kind)) {
			this.scripts = MojoProject.scripts(this.project, db);
			write("a1", "", "CREATE TABLE customer (id INT PRIMARY KEY);");
			write("a2", "a1", "CREATE TABLE invoice (id INT PRIMARY KEY);");
			db.execute("CREATE TABLE customer (id INT PRIMARY KEY)");

			assertThatThrownBy(() -> configure(new UpgradeMojo()).execute()).isInstanceOf(MojoFailureException.class)
				.hasMessageContaining(" already holds 1 object (table ")
				.hasMessageContaining("Maven: -Dmigration.baseline=<revision>");
			UpgradeMojo baselined = configure(new UpgradeMojo());
			baselined.userProperties.setProperty("migration.baseline", "a1");
			baselined.execute();
			assertThat(db.query("SELECT version_num FROM migration_version")).containsExactly(List.of("a2"));

			write("a1", "", "-- customers\nCREATE TABLE customer (id INT PRIMARY KEY);");
			write("a2", "a1", "-- invoices\nCREATE TABLE invoice (id INT PRIMARY KEY);");
			assertThatThrownBy(() -> configure(new UpgradeMojo()).execute()).isInstanceOf(MojoFailureException.class)
				.hasMessageStartingWith("Revision a2 (");
			RepairMojo repair = configure(new RepairMojo());
			repair.revisions = List.of("a2");
			repair.execute();
			// a1 was stamped by the baseline, never run here: it has no checksum to
			// compare
			configure(new UpgradeMojo()).execute();
			assertThat(db.query("SELECT revision, direction FROM migration_history ORDER BY id"))
				.containsExactly(List.of("a1", "STAMP"), List.of("a2", "UPGRADE"), List.of("a2", "REPAIR"));
		}
	}

	private void write(String id, String revises, String upgrade) throws Exception {
		Files.writeString(this.scripts.resolve(id + "_revision.sql"),
				"-- migration: " + id + "\n-- revision: " + id + "\n"
						+ (revises.isEmpty() ? "" : "-- revises: " + revises + "\n") + "\n-- +upgrade\n" + upgrade
						+ "\n");
	}

	private <T extends AbstractMigrationMojo> T configure(T mojo) {
		mojo.resources = this.project.resolve("src/main/resources").toFile();
		mojo.outputDirectory = this.project.resolve("target/classes").toFile();
		mojo.basedir = this.project.toFile();
		return mojo;
	}

}
