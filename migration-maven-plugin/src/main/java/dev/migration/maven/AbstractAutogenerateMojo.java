package dev.migration.maven;

import java.io.File;
import java.util.Arrays;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.migration.autogenerate.DesiredSource;
import dev.migration.autogenerate.EntityScanner;

/** Goals that compare with the desired schema: entities or a {@code schema.sql}. */
abstract class AbstractAutogenerateMojo extends AbstractMigrationMojo {

	/** Packages to scan for {@code @Entity} classes, comma separated; default all. */
	@Parameter(property = "migration.entities")
	String entities;

	/** A desired-state {@code schema.sql} to compare with instead of entities. */
	@Parameter(property = "migration.schemaSql")
	File schemaSql;

	DesiredSource desired(ClassLoader projectLoader) throws MojoFailureException {
		if (this.schemaSql != null) {
			return DesiredSource.sql(this.schemaSql.toPath());
		}
		List<String> packages = (this.entities == null || this.entities.isBlank()) ? List.of()
				: Arrays.stream(this.entities.split(",")).map(String::trim).toList();
		List<Class<?>> found = EntityScanner.scan(projectLoader, this.outputDirectory.toPath(), packages);
		if (found.isEmpty()) {
			throw new MojoFailureException("No @Entity classes in " + this.outputDirectory
					+ ((packages.isEmpty()) ? "" : " below " + packages)
					+ "; compile the project first (mvn compile migration:...) or pass -Dmigration.schemaSql=schema.sql");
		}
		getLog().info("comparing with " + found.size() + " entities");
		return DesiredSource.entities(found);
	}

}
