package dev.migration.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** {@code mvn migration:current}: the revisions in the version table. */
@Mojo(name = "current", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class CurrentMojo extends AbstractMigrationMojo {

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		List<String> current = migrator(projectLoader).current();
		getLog().info(current.isEmpty() ? "(base)" : String.join("\n", current));
	}

}
