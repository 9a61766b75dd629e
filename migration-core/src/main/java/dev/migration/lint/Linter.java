package dev.migration.lint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry;
import dev.migration.Revision;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.SqlMigration;
import dev.migration.sql.Dialect;

/**
 * Finds statements that lock busy tables, rewrite them, or break code still running
 * during a deploy, before they run.
 * <p>
 * Revisions are read in graph order, each upgrade section cut into statements by the same
 * {@link dev.migration.script.SqlSplitter} that runs them, and each statement read by a
 * small parser. The scripts before a revision tell the linter what it needs to know:
 * column types, and which tables are fresh. A table created earlier in the same revision,
 * or in a revision no database has yet (after {@code --since}, or pending at startup), is
 * empty, so the lock rules leave it alone. Java revisions are code and are skipped (and
 * listed). Downgrade sections are not linted: they undo, and dropping is their job.
 */
public final class Linter {

	private final LintConfig config;

	private final Dialect dialect;

	private final ServerVersion server;

	/**
	 * A linter for one database kind.
	 * @param config rules, severities, fail-on and server
	 * @param dialect the database the scripts run on
	 */
	public Linter(LintConfig config, Dialect dialect) {
		this.config = config;
		this.dialect = dialect;
		this.server = ServerVersion.parse(config.server(), dialect);
	}

	/**
	 * Lint every revision, or those after {@code since}.
	 * @param graph the revisions
	 * @param since a revision identifier: only its descendants are linted, and what they
	 * create counts as fresh for the ones after them; {@code null} for all revisions,
	 * each on its own
	 * @return the report
	 */
	public LintReport lint(RevisionGraph graph, @Nullable String since) {
		if (since == null) {
			return lint(graph, ids(graph.revisions()), Set.of());
		}
		List<String> from = graph.resolve(since, List.of());
		Set<String> after = graph.descendantsOf(from);
		from.forEach(after::remove);
		return lint(graph, after, after);
	}

	/**
	 * Lint chosen revisions.
	 * @param graph the revisions
	 * @param revisions the ids to lint
	 * @param unapplied ids of revisions no database has yet: what they create is fresh
	 * for the revisions after them
	 * @return the report
	 */
	public LintReport lint(RevisionGraph graph, Collection<String> revisions, Collection<String> unapplied) {
		Set<String> chosen = Set.copyOf(revisions);
		Set<String> fresh = Set.copyOf(unapplied);
		Findings findings = new Findings();
		Schema schema = new Schema();
		List<String> skipped = new ArrayList<>();
		int linted = 0;
		List<String> bases = ids(graph.bases());
		for (String id : graph.descendantsOf(bases)) {
			Revision revision = graph.get(id);
			boolean report = chosen.contains(id);
			if (revision == null) {
				continue;
			}
			if (!(revision.migration() instanceof SqlMigration sql)) {
				if (report) {
					skipped.add(id);
				}
				continue;
			}
			var statements = sql.statements(HistoryEntry.Direction.UPGRADE, this.dialect);
			new RevisionLinter(this.config, this.dialect, this.server, revision, schema, findings)
				.run(sql.upgradeScript(), statements, report);
			if (report) {
				linted++;
				findings.statements += statements.size();
			}
			schema.endRevision(fresh.contains(id));
		}
		return new LintReport(findings.found, findings.suppressed, linted, findings.statements, skipped,
				this.config.failOn());
	}

	private static List<String> ids(List<Revision> revisions) {
		return revisions.stream().map(Revision::id).toList();
	}

}
