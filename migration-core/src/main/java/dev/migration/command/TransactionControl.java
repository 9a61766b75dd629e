package dev.migration.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry.Direction;
import dev.migration.Revision;
import dev.migration.ScriptParseException;
import dev.migration.graph.RevisionGraph;
import dev.migration.script.SqlMigration;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Refuses transaction control at the top level of a transactional revision on the
 * databases that run a revision in one transaction (or, H2, are asked to): a
 * {@code COMMIT} there ends the revision's transaction, so a later failure leaves the
 * statements before it committed while the history says nothing ran. Only whole
 * statements as the splitter cut them are looked at, so a {@code COMMIT} inside a
 * dollar-quoted procedure body or a trigger is not top level.
 */
final class TransactionControl {

	private TransactionControl() {
	}

	/**
	 * Check a revision's statements before anything runs.
	 * @param revision the revision
	 * @param direction the section the statements come from
	 * @param statements the section's statements as split for the dialect
	 * @param dialect the database's dialect
	 * @throws ScriptParseException naming the file, the line and the remedy
	 */
	static void check(Revision revision, Direction direction, List<SqlStatement> statements, Dialect dialect) {
		if (!revision.transactional() || dialect == Dialect.MYSQL) {
			return;
		}
		for (SqlStatement statement : statements) {
			String command = command(statement.sql(), dialect);
			if (command != null) {
				throw new ScriptParseException(revision.location(), statement.line(), command + " in the "
						+ direction.name().toLowerCase(Locale.ROOT) + " section of a transactional revision would end "
						+ "the transaction the revision runs in, so a later failure could not roll back what ran "
						+ "before it; remove it, or add the header '-- transactional: false' to run the revision "
						+ "statement by statement without a transaction of its own");
			}
		}
	}

	/**
	 * Every transactional SQL revision of the graph (versioned and repeatable, applied or
	 * not, both sections) with transaction control at top level, as {@code validate} and
	 * {@code status} report it: file, line and remedy, one sentence each. A script that
	 * cannot be split is left to the run, which names its own problem.
	 * @param graph the revisions
	 * @param dialect the database's dialect
	 * @return the problems, in graph order
	 */
	static List<String> problems(RevisionGraph graph, Dialect dialect) {
		List<String> problems = new ArrayList<>();
		List<Revision> revisions = new ArrayList<>(graph.revisions());
		revisions.addAll(graph.repeatables());
		for (Revision revision : revisions) {
			if (!(revision.migration() instanceof SqlMigration sql) || !revision.transactional()) {
				continue;
			}
			for (Direction direction : List.of(Direction.UPGRADE, Direction.DOWNGRADE)) {
				try {
					check(revision, direction, sql.statements(direction, dialect), dialect);
				}
				catch (ScriptParseException ex) {
					problems.add(ex.getMessage());
				}
				catch (RuntimeException ex) {
					// a section that does not split (or a repeatable without downgrade)
					// is
					// reported by the run that needs it
				}
			}
		}
		return problems;
	}

	/**
	 * Whether a section controls its own transactions at top level (only allowed in a
	 * {@code transactional: false} revision): the engine then opens no transaction around
	 * its statements, which would nest inside the script's own.
	 * @param statements the section's statements as split for the dialect
	 * @param dialect the database's dialect
	 * @return whether any statement is a transaction-control command
	 */
	static boolean controlsTransactions(List<SqlStatement> statements, Dialect dialect) {
		for (SqlStatement statement : statements) {
			if (command(statement.sql(), dialect) != null) {
				return true;
			}
		}
		return false;
	}

	/** The transaction-control command a statement is, or {@code null}. */
	static @Nullable String command(String sql, Dialect dialect) {
		List<String> words = leadingWords(sql, 2);
		if (words.isEmpty()) {
			return null;
		}
		String first = words.get(0);
		String second = (words.size() > 1) ? words.get(1) : "";
		return switch (first) {
			case "COMMIT", "BEGIN", "END" -> first;
			case "ABORT" -> (dialect == Dialect.POSTGRESQL) ? first : null;
			// ROLLBACK TO SAVEPOINT stays inside the transaction
			case "ROLLBACK" -> second.equals("TO") ? null : first;
			case "START" -> second.equals("TRANSACTION") ? "START TRANSACTION" : null;
			default -> null;
		};
	}

	/** Up to {@code count} leading words, upper case, skipping blanks and comments. */
	private static List<String> leadingWords(String sql, int count) {
		List<String> words = new ArrayList<>(count);
		int n = sql.length();
		int p = 0;
		while (p < n && words.size() < count) {
			char c = sql.charAt(p);
			if (Character.isWhitespace(c)) {
				p++;
			}
			else if (sql.startsWith("--", p)) {
				int newline = sql.indexOf('\n', p);
				p = (newline < 0) ? n : newline + 1;
			}
			else if (sql.startsWith("/*", p)) {
				int close = sql.indexOf("*/", p + 2);
				p = (close < 0) ? n : close + 2;
			}
			else if (Character.isLetter(c)) {
				int end = p;
				while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
					end++;
				}
				words.add(sql.substring(p, end).toUpperCase(Locale.ROOT));
				p = end;
			}
			else {
				break;
			}
		}
		return words;
	}

}
