package dev.migration.command;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.DatabaseState.PartialRun;
import dev.migration.HistoryEntry.Direction;
import dev.migration.PartialMigrationException;
import dev.migration.Revision;
import dev.migration.command.HistoryStore.Row;
import dev.migration.graph.MigrationStep;
import dev.migration.graph.RevisionGraph;
import dev.migration.lint.StatementEffect;
import dev.migration.lint.StatementEffect.Trace;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Decides how to finish a step a killed process left half done, where statements commit
 * one by one (MariaDB/MySQL and H2 DDL, {@code transactional: false}). Statements 1 to
 * {@code done} are known to have run; the one after them may or may not have: data
 * manipulation commits with its progress row, so it had not; a statement that gives the
 * same result twice is run again; for DDL whose effect the catalog shows, the catalog
 * says. Anything else stops with the statement shown and the manual remedies.
 */
final class Resume {

	private static final Logger log = LoggerFactory.getLogger(Resume.class);

	private static final int SHOWN_LENGTH = 300;

	private Resume() {
	}

	/**
	 * How to finish the interrupted step.
	 *
	 * @param step the step, with the version-table rows it moves
	 * @param interrupted the history row the killed process left
	 * @param heads the version table before the step
	 * @param from the statement to continue with, 0-based ({@code statements.size()} when
	 * only the bookkeeping is left)
	 * @param statements the step's statements
	 * @param note what was decided and why, for the log and the history row
	 */
	record Decision(MigrationStep step, Row interrupted, List<String> heads, int from, List<SqlStatement> statements,
			String note) {

		/** The version table once the step is finished. */
		List<String> headsAfter() {
			List<String> after = new ArrayList<>(this.heads);
			after.removeAll(this.step.removeHeads());
			after.addAll(this.step.addHeads());
			return after;
		}

	}

	/**
	 * Decide, under the lock.
	 * @param session the session
	 * @param graph the graph
	 * @param partial the half-applied revision as the state reader judged it
	 * @param last the history row it was judged from
	 * @param heads the version table
	 * @param wait how long to wait for the killed process's statement to end on the
	 * server
	 * @return the decision; {@code null} when the step failed rather than being killed
	 * (the user fixes the script: the run refuses as before)
	 * @throws PartialMigrationException when the engine cannot tell
	 * @throws SQLException from the database
	 */
	static @Nullable Decision decide(Session session, RevisionGraph graph, PartialRun partial, Row last,
			List<String> heads, Duration wait) throws SQLException {
		if (last.success() != null
				|| (last.direction() != Direction.UPGRADE && last.direction() != Direction.DOWNGRADE)) {
			return null;
		}
		Revision revision = graph.get(last.revision());
		if (revision == null) {
			throw undecided(partial, "no script defines the revision any more", null);
		}
		List<SqlStatement> statements = RevisionExecution.statements(revision, last.direction(), session.dialect);
		if (statements == null) {
			throw undecided(partial, "it is Java code, which cannot be resumed part-way", null);
		}
		if (last.checksum() == null) {
			throw undecided(partial, "its history row holds no checksum to show that the script is the one that ran",
					null);
		}
		if (!last.checksum().equals(revision.checksum())
				|| (last.statementsTotal() != null && last.statementsTotal() != statements.size())) {
			throw undecided(partial,
					"its script changed since that run, so its statements may not be the ones " + "that ran", null);
		}
		MigrationStep step;
		try {
			step = graph.step(heads, revision.id(), last.direction());
		}
		catch (IllegalStateException ex) {
			throw undecided(partial,
					"the version table (" + StepRunner.heads(heads) + ") is not where that run left it", null);
		}
		int done = (last.statementsDone() != null) ? last.statementsDone() : 0;
		int total = statements.size();
		Decision decision;
		if (done >= total) {
			decision = new Decision(step, last, heads, total, statements, "all " + total + " statements had "
					+ "completed and only the version table was left to update: finished the bookkeeping");
		}
		else {
			SqlStatement next = statements.get(done);
			Judgement judgement = judge(session, next.sql(), wait);
			if (judgement.why() == null) {
				judgement = withFoldedChanges(session, next.sql(), statements.subList(done + 1, total), judgement);
			}
			if (judgement.why() != null) {
				throw undecided(partial, judgement.why(), shown(next));
			}
			String which = "statement " + (done + 1) + " of " + total
					+ ((next.line() > 0) ? " (line " + next.line() + ")" : "");
			decision = new Decision(step, last, heads, judgement.ran() ? done + 1 : done, statements,
					which + " " + judgement.reason());
		}
		log.info("{}: resuming the {} a killed run left after {} of {} statements: {}", revision.id(),
				last.direction().name().toLowerCase(Locale.ROOT), done, total, decision.note());
		return decision;
	}

	/**
	 * What was found out about the one statement.
	 *
	 * @param ran whether it had run
	 * @param reason why the engine says so (when it can tell)
	 * @param why why the engine cannot tell, {@code null} when it can
	 */
	private record Judgement(boolean ran, String reason, @Nullable String why) {

		static Judgement cannotTell(String why) {
			return new Judgement(false, "", why);
		}

	}

	private static Judgement judge(Session session, String sql, Duration wait) throws SQLException {
		CatalogProbe catalog = new CatalogProbe(session.connection, session.dialect);
		StatementEffect effect = StatementEffect.of(sql, session.dialect);
		// DML still running rolls back when it ends; DDL may still leave its trace
		Long running = (effect.kind() == StatementEffect.Kind.TRACED) ? waitUntilEnded(catalog, sql, wait) : null;
		if (running != null) {
			return Judgement.cannotTell("it is still running on the server as connection " + running
					+ " (wait for it to end, or KILL it, and run the command again)");
		}
		switch (effect.kind()) {
			case DML -> {
				String table = nonTransactionalTable(catalog, sql);
				if (table != null) {
					return Judgement.cannotTell("it changes rows of " + table
							+ ", whose storage engine cannot roll back, so they did not commit with the progress row");
				}
				return new Judgement(false,
						"changes rows and commits together with its progress row, so it had not " + "run: ran it again",
						null);
			}
			case SESSION, IDEMPOTENT -> {
				return new Judgement(false, "gives the same result when run twice: ran it again", null);
			}
			case TRACED -> {
				return (CatalogProbe.supports(session.dialect)) ? fromCatalog(catalog, effect.traces())
						: Judgement.cannotTell("the engine reads only the catalogs of MariaDB/MySQL and H2");
			}
			default -> {
				return Judgement.cannotTell("it leaves no trace in the catalog that the engine knows how to check");
			}
		}
	}

	/**
	 * On MariaDB/MySQL the data changes after the statement in doubt may have shared its
	 * transaction with its progress row ({@link RevisionExecution#foldCommits}): a change
	 * to a table that cannot roll back may then have stayed although no progress row
	 * committed, so running it again is not safe. Nothing after a statement that had not
	 * run (as the catalog shows) ran either.
	 */
	private static Judgement withFoldedChanges(Session session, String sql, List<SqlStatement> following,
			Judgement judgement) throws SQLException {
		boolean mayHaveRun = judgement.ran()
				|| StatementEffect.of(sql, session.dialect).kind() != StatementEffect.Kind.TRACED;
		if (!mayHaveRun || session.dialect != Dialect.MYSQL) {
			return judgement;
		}
		CatalogProbe catalog = new CatalogProbe(session.connection, session.dialect);
		for (SqlStatement change : following) {
			if (StatementEffect.commitsImplicitly(change.sql(), session.dialect)
					|| StatementEffect.of(change.sql(), session.dialect).kind() != StatementEffect.Kind.DML) {
				break;
			}
			String table = nonTransactionalTable(catalog, change.sql());
			if (table != null) {
				return Judgement.cannotTell("the data change after it, which changes rows of " + table
						+ " (a storage engine that cannot roll back), may have run too: its progress commits with "
						+ "this statement's");
			}
		}
		return judgement;
	}

	private static @Nullable String nonTransactionalTable(CatalogProbe catalog, String sql) throws SQLException {
		for (String table : catalog.nonTransactionalTables()) {
			if (Pattern.compile("\\b" + Pattern.quote(table) + "\\b").matcher(sql.toLowerCase(Locale.ROOT)).find()) {
				return table;
			}
		}
		return null;
	}

	private static Judgement fromCatalog(CatalogProbe catalog, List<Trace> traces) throws SQLException {
		List<String> after = new ArrayList<>();
		List<String> before = new ArrayList<>();
		for (Trace trace : traces) {
			boolean exists = catalog.exists(trace);
			String seen = trace.describe() + (exists ? " exists" : " does not exist");
			((exists == trace.present()) ? after : before).add(seen);
		}
		if (before.isEmpty()) {
			return new Judgement(true, "had run (" + String.join(", ", after) + "): continued after it", null);
		}
		if (after.isEmpty()) {
			return new Judgement(false, "had not run (" + String.join(", ", before) + "): ran it", null);
		}
		return Judgement.cannotTell("the catalog shows part of its effect (" + String.join(", ", after)
				+ ") but not all (" + String.join(", ", before) + ")");
	}

	/** A killed client's statement runs on in a MariaDB server until it ends. */
	private static @Nullable Long waitUntilEnded(CatalogProbe catalog, String sql, Duration wait) throws SQLException {
		long deadline = System.nanoTime() + wait.toNanos();
		Long running = catalog.runningElsewhere(sql);
		if (running != null) {
			log.info("Waiting up to {} s for connection {} to end the statement a killed run left running",
					wait.toSeconds(), running);
		}
		while (running != null && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return running;
			}
			running = catalog.runningElsewhere(sql);
		}
		return running;
	}

	/**
	 * Statements before {@code from} that set session state, to run again in this session
	 * before the rest: {@code SET} (not {@code GLOBAL}/{@code PERSIST}) and {@code USE}.
	 * @param decision the decision
	 * @param dialect the dialect
	 * @return the statements
	 */
	static List<SqlStatement> sessionStatements(Decision decision, Dialect dialect) {
		List<SqlStatement> replay = new ArrayList<>();
		for (SqlStatement statement : decision.statements().subList(0, decision.from())) {
			String text = statement.sql().strip().toLowerCase(Locale.ROOT);
			if (StatementEffect.of(statement.sql(), dialect).kind() == StatementEffect.Kind.SESSION
					&& !text.matches("(?s)set\\s+(global|persist|persist_only)\\b.*")) {
				replay.add(statement);
			}
		}
		return replay;
	}

	private static String shown(SqlStatement statement) {
		String text = statement.sql().strip().replaceAll("\\s+", " ");
		if (text.length() > SHOWN_LENGTH) {
			text = text.substring(0, SHOWN_LENGTH) + " ...";
		}
		return text + ((statement.line() > 0) ? " (line " + statement.line() + ")" : "");
	}

	private static PartialMigrationException undecided(PartialRun partial, String why, @Nullable String statement) {
		return new PartialMigrationException(partial.revision(), partial.location(),
				partial.direction().name().toLowerCase(Locale.ROOT), partial.statementsDone(),
				partial.statementsTotal(), why, statement, partial.undoTarget(), partial.finishTarget());
	}

}
