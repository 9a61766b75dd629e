package dev.migration.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.migration.DatabaseState.PartialRun;
import dev.migration.RepairResult;

/**
 * {@code migration repair [--revision <id>...]}: re-record the checksums of applied
 * revisions edited on purpose, and clear the marker of a half-applied revision resolved
 * by hand.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
		description = "Re-record the checksums of applied revisions whose scripts were changed on purpose, and "
				+ "clear the marker of a revision a previous run left half applied once you resolved it by hand. "
				+ "Writes a history row per revision.")
final class RepairCommand extends ConnectedCommand {

	@Option(names = { "-r", "--revision" }, split = ",", paramLabel = "<revision>",
			description = "Repair only these revisions (ids or unique prefixes); default: every applied revision.")
	private List<String> revisions = new ArrayList<>();

	@Override
	public Integer call() {
		RepairResult result = this.connection.migrator().repair(this.revisions);
		print(this.connection.out(), result);
		return 0;
	}

	static void print(PrintWriter out, RepairResult result) {
		for (RepairResult.Checksum checksum : result.checksums()) {
			out.println(checksum.revision() + ": checksum "
					+ ((checksum.oldChecksum() != null) ? checksum.oldChecksum() : "(none)") + " -> "
					+ checksum.newChecksum() + " (" + checksum.location() + ")");
		}
		PartialRun partial = result.clearedPartialRun();
		if (partial != null) {
			out.println(partial.revision() + ": cleared the half-applied "
					+ partial.direction().name().toLowerCase(Locale.ROOT) + "; the version table stays at "
					+ partial.undoTarget() + ", so the next upgrade runs it from its first statement (if you "
					+ "finished it by hand instead, run 'stamp " + partial.finishTarget() + "')");
		}
		int count = result.checksums().size();
		out.println(result.isEmpty() ? "Nothing to repair: every applied checksum matches its script"
				: "Repaired " + count + ((count == 1) ? " checksum" : " checksums")
						+ ((partial != null) ? " and cleared 1 half-applied revision" : "")
						+ "; recorded in the history table");
		out.flush();
	}

}
