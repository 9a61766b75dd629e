package dev.migration.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.autogenerate.Autogenerator;
import dev.migration.autogenerate.CheckResult;

/**
 * {@code mvn migration:check}: fails the build when the database at head differs from the
 * project's entities (or {@code -Dmigration.schemaSql}), listing the differences.
 */
@Mojo(name = "check", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CheckMojo extends AbstractAutogenerateMojo {

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		CheckResult result = new Autogenerator(migrator(projectLoader)).check(desired(projectLoader));
		if (result.exitCode() != 0) {
			throw new MojoFailureException(result.report());
		}
		getLog().info(result.report());
	}

}
