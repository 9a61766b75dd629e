package dev.migration.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn migration:current}: the revisions in the version table. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractMigrationMojo {

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		java.util.List<String> current = migrator(projectLoader).current();
		getLog().info(current.isEmpty() ? "(base)" : String.join("\n", current));
	}

}
