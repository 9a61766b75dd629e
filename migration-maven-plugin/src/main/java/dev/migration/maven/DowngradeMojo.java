package dev.migration.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.MigrationResult;

/** {@code mvn migration:downgrade -Dmigration.target=-1}. */
@Mojo(name = "downgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class DowngradeMojo extends AbstractMigrationMojo {

	@Parameter(property = "migration.target", required = true)
	String target;

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		MigrationResult result = migrator(projectLoader).downgrade(this.target);
		getLog().info("downgrade " + this.target + ": " + result);
	}

}
