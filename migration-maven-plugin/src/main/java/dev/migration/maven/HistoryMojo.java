package dev.migration.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.Revision;

/** {@code mvn migration:history [-Dmigration.range=a:b]}: revisions, newest first. */
@Mojo(name = "history", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class HistoryMojo extends AbstractMigrationMojo {

	@Parameter(property = "migration.range")
	String range;

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		for (Revision revision : migrator(projectLoader).history(this.range)) {
			String parents = revision.isBase() ? "<base>" : String.join(", ", revision.revises());
			getLog().info(parents + " -> " + revision.id() + ", " + revision.message());
		}
	}

}
