package dev.migration.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migration.MigrationException;
import dev.migration.autogenerate.Autogenerator;
import dev.migration.autogenerate.CheckResult;
import dev.migration.autogenerate.DesiredSchema;
import dev.migration.autogenerate.DesiredSource;
import dev.migration.autogenerate.EntityScanner;
import dev.migration.command.Migrator;

/**
 * Models match migrations: upgrade to heads, then migration-autogenerate's {@code check}
 * against the JPA entities or a desired-state {@code schema.sql}. Loaded only once
 * migration-autogenerate is known to be present.
 */
final class ModelsCheck {

	private ModelsCheck() {
	}

	static void check(Migrator migrator, Models models) {
		Revisions.restoring(migrator, (ex) -> new MigrationCheckFailure("models match", null, "upgrade",
				"Cannot compare " + models.describe() + " with the migrations: " + ex.getMessage(), List.of(), ex),
				() -> {
					migrator.upgrade("heads");
					CheckResult result = new Autogenerator(migrator)
						.check(source(models, migrator.config().classLoader()));
					if (result.exitCode() != 0) {
						throw new MigrationCheckFailure("models match", null, "upgrade",
								"The migrations do not build the schema of " + models.describe() + ": at "
										+ migrator.current() + ", `check` finds\n  - "
										+ String.join("\n  - ", result.differences())
										+ "\nGenerate a revision for it (`migration revision --autogenerate -m "
										+ "\"<message>\"`, or `mvn migration:revision -Dmigration.autogenerate "
										+ "-Dmigration.message=...`) and review it, or change " + models.describe()
										+ " to match the migrations",
								result.differences(), null);
					}
				});
	}

	private static DesiredSource source(Models models, ClassLoader loader) {
		if (models.schemaSql() != null) {
			String script = read(models.schemaSql(), loader);
			return (dialect, target) -> DesiredSchema.fromSql(script, models.schemaSql(), dialect, target);
		}
		List<Class<?>> entities = new ArrayList<>(models.entities());
		for (String pkg : models.packages()) {
			entities.addAll(scan(pkg, loader));
		}
		if (entities.isEmpty()) {
			throw new MigrationException("No @Entity class found in " + models.packages()
					+ " on the test class path; name the entity classes or their package");
		}
		return DesiredSource.entities(entities);
	}

	private static List<Class<?>> scan(String pkg, ClassLoader loader) {
		List<Class<?>> found = new ArrayList<>();
		String path = pkg.replace('.', '/');
		try {
			for (URL url : Collections.list(loader.getResources(path))) {
				if (!"file".equals(url.getProtocol())) {
					continue;
				}
				Path dir = Path.of(url.toURI());
				Path root = dir;
				for (int i = 0; i < path.split("/").length; i++) {
					root = root.getParent();
				}
				found.addAll(EntityScanner.scan(loader, root, List.of(pkg)));
			}
		}
		catch (IOException | URISyntaxException ex) {
			throw new MigrationException("Cannot scan " + pkg + " for entities: " + ex.getMessage(), ex);
		}
		return found;
	}

	/** A file path, or {@code classpath:} followed by a resource. */
	private static String read(String location, ClassLoader loader) {
		try {
			if (location.startsWith("classpath:")) {
				String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
				try (InputStream in = loader.getResourceAsStream(resource)) {
					if (in == null) {
						throw new MigrationException("The desired schema " + location
								+ " is not on the test class path; give a file path or a classpath: resource");
					}
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			return Files.readString(Path.of(location.replaceFirst("^file(system)?:", "")), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot read the desired schema " + location + ": " + ex.getMessage(), ex);
		}
	}

}
