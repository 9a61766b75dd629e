package dev.migration.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.migration.HistoryEntry.Direction;
import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.graph.RevisionGraph;

/**
 * The report of a run on stdout: one line per revision with its duration, then a summary
 * ({@code Upgraded 3 revisions in 0.41 s; now at 1a2b3c4d5e6f}).
 */
final class Progress {

	private Progress() {
	}

	static void print(PrintWriter out, MigrationResult result, RevisionGraph graph) {
		List<MigrationResult.Step> steps = (result.direction() == Direction.STAMP) ? List.of() : result.steps();
		for (MigrationResult.Step step : steps) {
			Revision revision = graph.get(step.revision());
			String parents = (revision == null) ? "?"
					: revision.isBase() ? "<base>" : String.join(", ", revision.revises());
			String edge = (result.direction() == Direction.DOWNGRADE) ? step.revision() + " -> " + parents
					: parents + " -> " + step.revision();
			out.println(verb(result.direction()) + " " + edge + ", " + step.message() + " (" + seconds(step.duration())
					+ ")");
		}
		out.println(summary(result));
		out.flush();
	}

	static String summary(MigrationResult result) {
		String now = heads(result.toHeads());
		int count = result.steps().size();
		if (result.direction() == Direction.STAMP) {
			return "Stamped " + heads(result.fromHeads()) + " -> " + now + " in " + seconds(result.duration())
					+ "; no migration ran";
		}
		String noun = (count == 1) ? "revision" : "revisions";
		if (count == 0) {
			return "Nothing to " + verb(result.direction()) + "; at " + now;
		}
		String done = (result.direction() == Direction.UPGRADE) ? "Upgraded" : "Downgraded";
		return done + " " + count + " " + noun + " in " + seconds(result.duration()) + "; now at " + now;
	}

	private static String verb(Direction direction) {
		return direction.name().toLowerCase(Locale.ROOT);
	}

	static String heads(List<String> heads) {
		return heads.isEmpty() ? "<base>" : String.join(", ", heads);
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
	}

}
