package dev.migration.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * Tests that run the CLI in-process in a project ({@link Project}) on its own H2
 * database.
 */
abstract class InProcessProject {

	@TempDir
	Path dir;

	TestDatabase database;

	CliRunner cli;

	@BeforeEach
	void createProject() {
		this.database = TestDatabase.create(DatabaseKind.H2);
		Project.create(this.dir, this.database.url(), this.database.user(), this.database.password());
		this.cli = new CliRunner(this.dir);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

}
