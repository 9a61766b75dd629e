package dev.migration.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry.Direction;
import dev.migration.MigrationListener;
import dev.migration.MigrationResult;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.graph.RevisionGraph;

/**
 * The report of a run on stdout: one line per revision with its duration, printed as soon
 * as the revision has run, then a summary
 * ({@code Upgraded 3 revisions in 0.41 s; now at 1a2b3c4d5e6f}).
 */
final class RunReport implements MigrationListener {

	private final PrintWriter out;

	private @Nullable RevisionGraph graph;

	/** How many revisions ran (a baseline's stamp is not reported to listeners). */
	private int completed;

	RunReport(PrintWriter out) {
		this.out = out;
	}

	/** The graph the lines take parents from; set once the migrator has loaded it. */
	void graph(RevisionGraph graph) {
		this.graph = graph;
	}

	@Override
	public void stepCompleted(Direction direction, MigrationResult.Step step) {
		this.completed++;
		Revision revision = (this.graph != null) ? this.graph.get(step.revision()) : null;
		String parents = (revision == null) ? "?"
				: revision.isBase() ? "<base>" : String.join(", ", revision.revises());
		String edge = (direction == Direction.DOWNGRADE) ? step.revision() + " -> " + parents
				: parents + " -> " + step.revision();
		this.out.println(verb(direction) + " " + edge + ", " + step.message() + " (" + seconds(step.duration()) + ")");
		this.out.flush();
	}

	/**
	 * Run a command on the database, reporting each revision as it completes and then the
	 * summary.
	 * @param connection the command's connection options
	 * @param command what to run
	 */
	static void run(ConnectionOptions connection, Function<Migrator, MigrationResult> command) {
		RunReport report = new RunReport(connection.out());
		Migrator migrator = connection.migrator(report);
		report.graph(migrator.graph());
		report.finish(command.apply(migrator));
	}

	void finish(MigrationResult result) {
		// an upgrade's steps that did not run are the stamp of migration.baseline,
		// which comes first
		int stamped = (result.direction() == Direction.UPGRADE) ? result.steps().size() - this.completed : 0;
		List<String> baselined = result.steps()
			.subList(0, Math.max(stamped, 0))
			.stream()
			.map(MigrationResult.Step::revision)
			.toList();
		this.out.println(summary(result, baselined));
		this.out.flush();
	}

	static String summary(MigrationResult result) {
		return summary(result, List.of());
	}

	/**
	 * The summary line.
	 * @param result the result
	 * @param baselined the revisions an upgrade stamped as its baseline (the steps of the
	 * result that did not run): {@code Baselined at a1; upgraded 1 revision ...}
	 */
	static String summary(MigrationResult result, List<String> baselined) {
		if (!baselined.isEmpty()) {
			String rest = summary(new MigrationResult(result.direction(), result.fromHeads(), result.toHeads(),
					result.steps().subList(baselined.size(), result.steps().size()), result.duration(),
					result.newerHeads()), List.of());
			return "Baselined at " + baselined.get(baselined.size() - 1) + "; " + Character.toLowerCase(rest.charAt(0))
					+ rest.substring(1);
		}
		String now = heads(result.toHeads());
		int count = result.steps().size();
		if (result.direction() == Direction.STAMP) {
			return "Stamped " + heads(result.fromHeads()) + " -> " + now + " in " + seconds(result.duration())
					+ "; no migration ran";
		}
		String noun = (count == 1) ? "revision" : "revisions";
		if (count == 0 && !result.newerHeads().isEmpty()) {
			return "Nothing to upgrade: the database is ahead of this build (" + heads(result.newerHeads())
					+ " applied by a newer build); at " + now;
		}
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
