package dev.migration.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.migration.autogenerate.Autogenerator;
import dev.migration.graph.RevisionGraph;

/**
 * {@code migration revision -m "..."}: a new revision file on top of the current head.
 */
@Command(name = "revision", mixinStandardHelpOptions = true,
		description = { "Create a new revision file on top of the head (SQL by default).",
				"With --autogenerate: compare the database at head with the entities (--classpath, --entities) "
						+ "or --schema-sql and write the difference, upgrade and downgrade (Java with op calls by "
						+ "default, --sql for SQL)." })
final class RevisionCommand implements Callable<Integer> {

	private static final Pattern GENERATED_ID = Pattern.compile("R?([0-9a-f]{12})");

	@Mixin
	private ConnectionOptions connection;

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
		if (this.autogenerate) {
			return autogenerate();
		}
		if (this.desired.isSet()) {
			throw new CliException("--classpath, --entities and --schema-sql give the models for --autogenerate; "
					+ "add --autogenerate, or leave them out for an empty revision");
		}
		Path directory = Authoring.directory(this.connection, this.versionPath, this.format.java);
		RevisionGraph graph = this.connection.scriptsMigrator().graph();
		List<String> revises = Authoring.parents(graph, this.head, this.splice);
		List<String> dependencies = Authoring.dependencies(graph, this.dependsOn);
		Authoring.checkLabels(graph, this.branchLabels);
		String id = Authoring.revisionId(graph, this.revId);
		RevisionWriter.NewRevision revision = new RevisionWriter.NewRevision(id, this.message, revises, dependencies,
				this.branchLabels, Instant.now());
		Path file = RevisionWriter.write(directory, revision, this.format.java);
		Authoring.printGenerated(this.connection, file, id);
		return 0;
	}

	private int autogenerate() {
		if (this.splice || !this.head.equals("head") || !this.branchLabels.isEmpty() || !this.dependsOn.isEmpty()
				|| this.revId != null) {
			throw new CliException("--autogenerate builds on the single head with a new id; --head, --splice, "
					+ "--branch-label, --depends-on and --rev-id are for hand-written revisions");
		}
		boolean java = !this.format.sql;
		Path directory = Authoring.directory(this.connection, this.versionPath, java);
		try (DesiredOptions.Desired source = this.desired.open(this.connection.workingDirectory())) {
			Path file = new Autogenerator(this.connection.migrator()).revision(this.message, source.source(), directory,
					java ? Autogenerator.Format.JAVA : Autogenerator.Format.SQL, java ? javaPackage(directory) : null);
			Matcher id = GENERATED_ID.matcher(file.getFileName().toString());
			Authoring.printGenerated(this.connection, file, id.lookingAt() ? id.group(1) : "?");
			this.connection.out()
				.println("Review it before 'migration upgrade': renames, check constraints, "
						+ "triggers, views and functions are not detected.");
			return 0;
		}
	}

	/**
	 * The package of a directory below {@code src/main/java} (or {@code src/test/java}).
	 */
	private static @Nullable String javaPackage(Path directory) {
		List<String> names = new ArrayList<>();
		directory.forEach((name) -> names.add(name.toString()));
		for (int i = names.size() - 2; i > 0; i--) {
			if (names.get(i).equals("java") && names.get(i - 1).matches("main|test")) {
				return String.join(".", names.subList(i + 1, names.size()));
			}
		}
		return null;
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
