package dev.migration.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migration.testing.TestDatabase;

/**
 * The project directory the goals run in: its {@code src/main/resources/application.yml}
 * names the test database.
 */
final class MojoProject {

	private MojoProject() {
	}

	/**
	 * Write {@code src/main/resources/application.yml} with the database's datasource.
	 * @param project the project directory
	 * @param db the database
	 * @param more what follows the datasource, e.g. a {@code migration:} section
	 * @return the resources directory
	 * @throws IOException when a file cannot be written
	 */
	static Path resources(Path project, TestDatabase db, String more) throws IOException {
		Path resources = Files.createDirectories(project.resolve("src/main/resources"));
		Files.writeString(resources.resolve("application.yml"), "spring:\n  datasource:\n    url: \"" + db.url()
				+ "\"\n    username: \"" + db.user() + "\"\n    password: \"" + db.password() + "\"\n" + more);
		return resources;
	}

	/**
	 * Write {@code src/main/resources/application.yml} with the database's datasource and
	 * its scripts folder, {@code src/main/resources/db/migration}, as a filesystem
	 * location.
	 * @param project the project directory
	 * @param db the database
	 * @return the scripts folder, created
	 * @throws IOException when a file cannot be written
	 */
	static Path scripts(Path project, TestDatabase db) throws IOException {
		Path scripts = project.resolve("src/main/resources/db/migration");
		resources(project, db, "migration:\n  locations: filesystem:" + scripts + "\n");
		return Files.createDirectories(scripts);
	}

}
