package dev.migration.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.MigrationResult;

/** {@code mvn migration:upgrade [-Dmigration.target=heads]}. */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractMigrationMojo {

	@Parameter(property = "migration.target", defaultValue = "heads")
	String target = "heads";

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		MigrationResult result = migrator(projectLoader).upgrade(this.target);
		getLog().info("upgrade " + this.target + ": " + result);
	}

}
