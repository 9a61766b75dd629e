package dev.migration.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.migration.Revision;
import dev.migration.autogenerate.Autogenerator;
import dev.migration.autogenerate.Renames;
import dev.migration.autogenerate.RevisionAuthor;
import dev.migration.autogenerate.RevisionBody;
import dev.migration.autogenerate.RevisionSpec;
import dev.migration.command.Migrator;

/**
 * {@code mvn migration:revision -Dmigration.message="..." [-Dmigration.autogenerate]
 * [-Dmigration.sql]}: a new revision after the current head (or
 * {@code -Dmigration.head}); with autogenerate, holding the difference between the
 * database at head and the entities. Java revisions go to
 * {@code src/main/java/db/migration}, SQL ones to
 * {@code src/main/resources/db/migration}.
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RevisionMojo extends AbstractAutogenerateMojo {

	@Parameter(property = "migration.message", required = true)
	String message;

	@Parameter(property = "migration.autogenerate", defaultValue = "false")
	boolean autogenerate;

	/**
	 * With autogenerate, renames to make instead of a drop and an add:
	 * {@code table.old=new} for a column, {@code old=new} for a table, comma separated.
	 */
	@Parameter(property = "migration.renames")
	List<String> renames = new ArrayList<>();

	/** With autogenerate, write the revision even when nothing changed. */
	@Parameter(property = "migration.allowEmpty", defaultValue = "false")
	boolean allowEmpty;

	/** Write SQL instead of Java. */
	@Parameter(property = "migration.sql", defaultValue = "false")
	boolean sql;

	/** Where to write; defaults by format as above. */
	@Parameter(property = "migration.directory")
	File directory;

	/** Revision to build on: head, base, an id or {@code <label>@head}. */
	@Parameter(property = "migration.head", defaultValue = "head")
	String head = "head";

	/** Whether {@code head} may be a revision that is not a head (a new branch). */
	@Parameter(property = "migration.splice", defaultValue = "false")
	boolean splice;

	/** Labels for the branch this revision starts or continues. */
	@Parameter(property = "migration.branchLabels")
	List<String> branchLabels = new ArrayList<>();

	/** Revisions this one depends on without being their child. */
	@Parameter(property = "migration.dependsOn")
	List<String> dependsOn = new ArrayList<>();

	/** The id to use instead of 12 random hex characters. */
	@Parameter(property = "migration.revId")
	String revId;

	@Override
	void run(ClassLoader projectLoader) throws MojoFailureException {
		Path target = (this.directory != null) ? this.directory.toPath() : this.basedir.toPath()
			.resolve(this.sql ? "src/main/resources/db/migration" : "src/main/java/db/migration");
		try {
			// a first revision: the location must exist before the graph is loaded
			Files.createDirectories(target);
		}
		catch (IOException ex) {
			throw new MojoFailureException("Cannot create " + target + ": " + ex.getMessage(), ex);
		}
		Migrator migrator = migrator(projectLoader);
		RevisionBody body = RevisionBody.EMPTY;
		if (this.autogenerate) {
			Optional<RevisionBody> changes = new Autogenerator(migrator, Renames.parse(this.renames))
				.changes(desired(projectLoader), this.allowEmpty);
			if (changes.isEmpty()) {
				getLog().info(Autogenerator.NO_CHANGES.replace("--allow-empty", "-Dmigration.allowEmpty"));
				return;
			}
			body = changes.get();
		}
		RevisionSpec spec = new RevisionSpec(this.message, List.of(this.head), this.splice, false, this.branchLabels,
				this.dependsOn, this.revId);
		Revision revision = new RevisionAuthor(migrator.graph()).write(spec, target,
				this.sql ? RevisionAuthor.Format.SQL : RevisionAuthor.Format.JAVA, body);
		body.warnings().forEach((warning) -> getLog().warn(warning.replace("--rename ", "-Dmigration.renames=")));
		getLog().info("Generated " + revision.location() + " (revision " + revision.id() + ")"
				+ (this.autogenerate ? "; review it before running upgrade" : ""));
	}

}
