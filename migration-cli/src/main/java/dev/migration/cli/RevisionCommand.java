package dev.migration.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.migration.graph.RevisionGraph;

/**
 * {@code migration revision -m "..."}: a new revision file on top of the current head.
 */
@Command(name = "revision", mixinStandardHelpOptions = true,
		description = "Create a new revision file on top of the head (SQL by default).")
final class RevisionCommand implements Callable<Integer> {

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

	@ArgGroup(exclusive = true)
	private Format format = new Format();

	@Option(names = "--version-path", paramLabel = "<dir>",
			description = "Directory to write to (default: the first filesystem: location; with --java "
					+ "src/main/java/db/migration, the package classpath:db/migration scans).")
	private @Nullable Path versionPath;

	@Override
	public Integer call() {
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

	/** {@code --sql} (the default) or {@code --java}. */
	static final class Format {

		@Option(names = "--sql", description = "Write a SQL script (default).")
		boolean sql;

		@Option(names = "--java", description = "Write a Java class implementing Migration.")
		boolean java;

	}

}
