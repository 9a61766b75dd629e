package dev.migration.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.MigrationResult;

/**
 * {@code mvn migration:upgrade [-Dmigration.target=heads]}; the target defaults to
 * {@code migration.target} in application.yml, as at the application's start.
 */
@Mojo(name = "upgrade", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class UpgradeMojo extends AbstractMigrationMojo {

	@Parameter(property = "migration.target")
	String target;

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		String where = target();
		MigrationResult result = migrator(projectLoader).upgrade(where);
		getLog().info("upgrade " + where + ": " + result);
	}

	String target() {
		return (this.target != null && !this.target.isBlank()) ? this.target : settings().properties().getTarget();
	}

}
