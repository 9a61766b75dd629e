package dev.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.migration.autogenerate.Autogenerator;
import dev.migration.autogenerate.Renames;
import dev.migration.autogenerate.RevisionAuthor;
import dev.migration.autogenerate.RevisionBody;
import dev.migration.autogenerate.RevisionSpec;
import dev.migration.command.Migrator;

/**
 * {@code migration revision -m "..."}: a new revision file on top of the current head.
 */
@Command(name = "revision", mixinStandardHelpOptions = true,
		description = { "Create a new revision file on top of the head (SQL by default).",
				"With --autogenerate: compare the database at head with the entities (--classpath, --entities) "
						+ "or --schema-sql and write the difference, upgrade and downgrade (Java with op calls by "
						+ "default, --sql for SQL)." })
final class RevisionCommand extends ConnectedCommand {

	@Option(names = { "-m", "--message" }, description = "What the revision does; also names the file.")
	private String message = "";

	@Option(names = "--head", defaultValue = "head",
			description = "Revision to build on: head (default), an id, <label>@head, or base for a new root.")
	private String head;

	@Option(names = "--splice", description = "Allow --head to name a revision that is not a head (a new branch).")
	private boolean splice;

	@Option(names = "--branch-label", split = ",", paramLabel = "<label>",
			description = "Label for the branch this revision starts or continues.")
	private List<String> branchLabels = new ArrayList<>();

	@Option(names = "--depends-on", split = ",", paramLabel = "<revision>",
			description = "Revisions this one depends on without being their child.")
	private List<String> dependsOn = new ArrayList<>();

	@Option(names = "--rev-id", description = "The id to use instead of 12 random hex characters.")
	private @Nullable String revId;

	@Option(names = "--autogenerate",
			description = "Fill the revision with the difference between the database at head and the models.")
	private boolean autogenerate;

	@Option(names = "--rename", split = ",", paramLabel = "<table.old=new|old=new>",
			description = "With --autogenerate: rename this column (table.old=new) or table (old=new) instead of "
					+ "dropping and adding it; check and the command list the possible renames.")
	private List<String> renames = new ArrayList<>();

	@Option(names = "--interactive",
			description = "With --autogenerate: ask about each possible rename (Rename column a.x to a.y? [y/N]) "
					+ "and make the confirmed ones; the default on a terminal.")
	private boolean interactive;

	@Option(names = "--allow-empty", description = "With --autogenerate: write the revision even when nothing changed.")
	private boolean allowEmpty;

	@Mixin
	private DesiredOptions desired;

	@ArgGroup(exclusive = true)
	private Format format = new Format();

	@Option(names = "--version-path", paramLabel = "<dir>",
			description = "Directory to write to (default: the first filesystem: location; with --java "
					+ "src/main/java/db/migration, the package classpath:db/migration scans).")
	private @Nullable Path versionPath;

	@Override
	public Integer call() {
		if (!this.autogenerate && this.desired.isSet()) {
			throw new CliException("--entities and --schema-sql give the models for --autogenerate; "
					+ "add --autogenerate, or leave them out for an empty revision");
		}
		boolean java = this.autogenerate ? !this.format.sql : this.format.java;
		Path directory = Authoring.directory(this.connection, this.versionPath, java);
		RevisionSpec spec = new RevisionSpec(this.message, List.of(this.head), this.splice, false, this.branchLabels,
				this.dependsOn, this.revId);
		RevisionAuthor.Format format = java ? RevisionAuthor.Format.JAVA : RevisionAuthor.Format.SQL;
		if (!this.autogenerate) {
			createDirectory(directory);
			RevisionAuthor author = new RevisionAuthor(this.connection.scriptsMigrator().graph());
			Authoring.printGenerated(this.connection, author.write(spec, directory, format, RevisionBody.EMPTY));
			return 0;
		}
		{
			DesiredOptions.Desired source = this.desired.open(this.connection);
			createDirectory(directory);
			Migrator migrator = this.connection.migrator();
			Autogenerator autogenerator = new Autogenerator(migrator, Renames.parse(this.renames));
			Optional<RevisionBody> body = (this.interactive || System.console() != null)
					? autogenerator.changes(source.source(), this.allowEmpty, new RenamePrompt(this.connection.out()))
					: autogenerator.changes(source.source(), this.allowEmpty);
			if (body.isEmpty()) {
				this.connection.out().println(Autogenerator.NO_CHANGES);
				return 0;
			}
			Authoring.printGenerated(this.connection,
					new RevisionAuthor(migrator.graph()).write(spec, directory, format, body.get()));
			body.get().warnings().forEach((warning) -> this.connection.out().println("WARNING: " + warning));
		}
		this.connection.out()
			.println("Review it before 'migration upgrade': triggers, views and functions are not detected, "
					+ "and a rename is only made with --rename.");
		return 0;
	}

	/** A first revision: the location must exist before the revisions are loaded. */
	private static void createDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new CliException("Cannot create the revisions directory " + directory + ": " + ex.getMessage());
		}
	}

	/** {@code --sql} (the default) or {@code --java}. */
	static final class Format {

		@Option(names = "--sql", description = "Write a SQL script (default, except with --autogenerate).")
		boolean sql;

		@Option(names = "--java",
				description = "Write a Java class implementing Migration (default with --autogenerate).")
		boolean java;

	}

}
