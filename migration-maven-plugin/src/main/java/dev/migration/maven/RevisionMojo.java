package dev.migration.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.autogenerate.Autogenerator;

/**
 * {@code mvn migration:revision -Dmigration.message="..." [-Dmigration.autogenerate]
 * [-Dmigration.sql]}: a new revision after the current head; with autogenerate, holding
 * the difference between the database at head and the entities. Java revisions go to
 * {@code src/main/java/db/migration}, SQL ones to
 * {@code src/main/resources/db/migration}.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RevisionMojo extends AbstractAutogenerateMojo {

	@Parameter(property = "migration.message", required = true)
	String message;

	@Parameter(property = "migration.autogenerate", defaultValue = "false")
	boolean autogenerate;

	/** Write SQL instead of Java. */
	@Parameter(property = "migration.sql", defaultValue = "false")
	boolean sql;

	/** Where to write; defaults by format as above. */
	@Parameter(property = "migration.directory")
	File directory;

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		Autogenerator.Format format = this.sql ? Autogenerator.Format.SQL : Autogenerator.Format.JAVA;
		Path target = (this.directory != null) ? this.directory.toPath() : this.basedir.toPath()
			.resolve(this.sql ? "src/main/resources/db/migration" : "src/main/java/db/migration");
		try {
			// a first revision: the location must exist before the graph is loaded
			java.nio.file.Files.createDirectories(target);
		}
		catch (java.io.IOException ex) {
			throw new MojoFailureException("Cannot create " + target + ": " + ex.getMessage(), ex);
		}
		Autogenerator autogenerator = new Autogenerator(migrator(projectLoader));
		Path file = autogenerator.revision(this.message, this.autogenerate ? desired(projectLoader) : null, target,
				format, this.sql ? null : "db.migration");
		getLog().info("Generated " + file + (this.autogenerate ? "; review it before running upgrade" : ""));
	}

}
