package dev.migration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.migration.autogenerate.RevisionAuthor;
import dev.migration.autogenerate.RevisionBody;
import dev.migration.autogenerate.RevisionSpec;

/**
 * {@code migration merge -m "..." heads}: a revision whose parents are the given
 * revisions, joining branches.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Create a merge revision whose parents are the given revisions (or all heads).")
final class MergeCommand extends ConnectedCommand {

	@Parameters(arity = "1..*", paramLabel = "<revision>",
			description = "Revisions to merge, or 'heads' for every head.")
	private List<String> revisions = new ArrayList<>();

	@Option(names = { "-m", "--message" }, description = "What the merge is for; also names the file.")
	private String message = "";

	@Option(names = "--branch-label", split = ",", paramLabel = "<label>", description = "Label for the merge.")
	private List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", description = "The id to use instead of 12 random hex characters.")
	private @Nullable String revId;

	@Option(names = "--version-path", paramLabel = "<dir>",
			description = "Directory to write to (default: the first filesystem: location).")
	private @Nullable Path versionPath;

	@Override
	public Integer call() {
		Path directory = Authoring.directory(this.connection, this.versionPath, false);
		RevisionAuthor author = new RevisionAuthor(this.connection.scriptsMigrator().graph());
		RevisionSpec spec = RevisionSpec.merge(this.message, this.revisions, this.branchLabels, this.revId);
		Authoring.printGenerated(this.connection,
				author.write(spec, directory, RevisionAuthor.Format.SQL, RevisionBody.EMPTY));
		return 0;
	}

}
