package dev.migration.maven;

import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.DatabaseState.PartialRun;
import dev.migration.RepairResult;

/**
 * {@code mvn migration:repair [-Dmigration.repair.revisions=a1b2c3,d4e5f6]}: re-record
 * the checksums of applied revisions edited on purpose (Java ones included, which is why
 * it runs with the project's classes), and clear the marker of a half-applied revision
 * resolved by hand; one history row each.
 */
@Mojo(name = "repair", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RepairMojo extends AbstractMigrationMojo {

	/** Repair only these revisions; default every applied one. */
	@Parameter(property = "migration.repair.revisions")
	List<String> revisions;

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		RepairResult result = migrator(projectLoader)
			.repair((this.revisions != null) ? this.revisions.stream().map(String::strip).toList() : List.of());
		for (RepairResult.Checksum checksum : result.checksums()) {
			getLog().info(checksum.revision() + ": checksum "
					+ ((checksum.oldChecksum() != null) ? checksum.oldChecksum() : "(none)") + " -> "
					+ checksum.newChecksum() + " (" + checksum.location() + ")");
		}
		PartialRun partial = result.clearedPartialRun();
		if (partial != null) {
			getLog().info(partial.revision() + ": cleared the half-applied "
					+ partial.direction().name().toLowerCase(Locale.ROOT) + "; the version table stays at "
					+ partial.undoTarget());
		}
		getLog().info(result.isEmpty() ? "repair: nothing to repair"
				: "repair: " + result.checksums().size() + " checksum(s) re-recorded");
	}

}
