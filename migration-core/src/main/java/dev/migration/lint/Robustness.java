package dev.migration.lint;

import dev.migration.sql.Dialect;

/**
 * {@code prefer-robust-stmts}: where a failed revision is not rolled back (MySQL's
 * implicit commits, {@code transactional: false}), statements that can run twice let the
 * re-run succeed.
 */
final class Robustness {

	private Robustness() {
	}

	static void check(Parsed statement, RevisionLinter r) {
		if (r.transactional) {
			return;
		}
		String missing = switch (statement.kind()) {
			case CREATE_TABLE, CREATE_INDEX -> has(statement, "if", "not", "exists") ? null : "IF NOT EXISTS";
			case DROP_TABLE, DROP_INDEX -> has(statement, "if", "exists") ? null : "IF EXISTS";
			case ALTER_TABLE -> alter(statement, r);
			default -> null;
		};
		if (missing != null) {
			r.report(LintRule.PREFER_ROBUST_STMTS, "runs outside a transaction without " + missing
					+ ", so re-running the revision after a failure fails on this statement");
		}
	}

	private static String alter(Parsed statement, RevisionLinter r) {
		if (r.dialect == Dialect.MYSQL && !r.server.isMariadb()) {
			// MySQL has no IF [NOT] EXISTS on columns
			return null;
		}
		for (Action action : statement.actions()) {
			if (action.kind() == Action.Kind.ADD_COLUMN && Cursor.indexOfWords(action.tokens(), 0, "exists") < 0) {
				return "IF NOT EXISTS";
			}
			if (action.kind() == Action.Kind.DROP_COLUMN && Cursor.indexOfWords(action.tokens(), 0, "exists") < 0) {
				return "IF EXISTS";
			}
		}
		return null;
	}

	private static boolean has(Parsed statement, String... words) {
		return Cursor.indexOfWords(statement.tokens(), 0, words) >= 0;
	}

}
