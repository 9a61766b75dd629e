package dev.migration.command;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

import dev.migration.VersionTableException;

/**
 * Moves the version table by one step, in the step's transaction, the way Alembic's
 * {@code HeadMaintainer} does: one head replaced by another is an {@code UPDATE}, a new
 * root an {@code INSERT}, a merged or removed head a {@code DELETE}. Every write must
 * touch exactly one row; anything else means the table is out of step with what the
 * engine read under the lock, and the step fails (and rolls back) rather than guess.
 */
final class HeadTracker {

	private final Tables tables;

	private static final Fence NONE = (sink) -> {
	};

	private Fence fence = NONE;

	HeadTracker(Tables tables) {
		this.tables = tables;
	}

	/**
	 * Run a check before every version-table write, in the same transaction: the lease
	 * lock's fencing, which fails the write when another run has taken the lock over.
	 * @param fence the check
	 */
	void fence(Fence fence) {
		this.fence = fence;
	}

	/**
	 * Run the check on its own, in the sink's open transaction: before a revision whose
	 * statements commit one by one starts, so a run that lost the lock starts nothing.
	 * @param sink where the check runs
	 * @throws SQLException from the database
	 */
	/**
	 * Whether {@link #check} checks anything (a lock that fences).
	 * @return whether it does
	 */
	boolean fences() {
		return this.fence != NONE;
	}

	void check(SqlSink sink) throws SQLException {
		this.fence.check(sink);
	}

	/** A check run in the transaction of every version-table write, before it. */
	@FunctionalInterface
	interface Fence {

		void check(SqlSink sink) throws SQLException;

	}

	/**
	 * Apply a step's version-table change.
	 * @param sink where the writes go
	 * @param removeHeads rows that disappear
	 * @param addHeads rows that appear
	 * @throws SQLException from the database
	 * @throws VersionTableException when a write does not touch exactly one row
	 */
	void apply(SqlSink sink, List<String> removeHeads, List<String> addHeads) throws SQLException {
		String table = this.tables.version();
		this.fence.check(sink);
		if (removeHeads.size() == 1 && addHeads.size() == 1) {
			String from = removeHeads.get(0);
			String to = addHeads.get(0);
			int count = sink.update("UPDATE " + table + " SET version_num = ? WHERE version_num = ?", to, from);
			check(count, "updating '" + from + "' to '" + to + "'");
			return;
		}
		for (String head : removeHeads) {
			int count = sink.update("DELETE FROM " + table + " WHERE version_num = ?", head);
			check(count, "deleting '" + head + "'");
		}
		for (String head : addHeads) {
			int count;
			try {
				count = sink.update("INSERT INTO " + table + " (version_num) VALUES (?)", head);
			}
			catch (SQLException ex) {
				if (isDuplicate(ex)) {
					throw duplicate(table, head, ex);
				}
				throw ex;
			}
			check(count, "inserting '" + head + "'");
		}
	}

	private static VersionTableException duplicate(String table, String head, SQLException ex) {
		return new VersionTableException(table,
				"Version table " + table + " is out of step: inserting '" + head + "' failed because the row already "
						+ "exists (" + ex.getMessage().strip() + "). Another process or a manual edit changed the "
						+ "table; check 'current' and set the right heads with 'stamp'");
	}

	private static boolean isDuplicate(SQLException ex) {
		if (ex instanceof SQLIntegrityConstraintViolationException) {
			return true;
		}
		if (ex.getSQLState() != null) {
			return ex.getSQLState().startsWith("23");
		}
		// SQLite gives no SQL state
		return ex.getMessage() != null && ex.getMessage().contains("SQLITE_CONSTRAINT");
	}

	private void check(int count, String what) {
		if (count >= 0 && count != 1) {
			String table = this.tables.version();
			throw new VersionTableException(table,
					"Version table " + table + " is out of step: " + what + " matched " + count
							+ " rows instead of exactly 1. Another process or a manual edit changed the table; check "
							+ "'current' and set the right heads with 'stamp'");
		}
	}

	/**
	 * Queue a step's version-table change in a batch, each write with its row-count
	 * check. A lock that fences checks its token first, in the same transaction, after
	 * what is already queued has run (one more round trip, for the lease lock only).
	 * @param sink the sink the batch belongs to
	 * @param batch the step's batch
	 * @param removeHeads rows that disappear
	 * @param addHeads rows that appear
	 * @throws SQLException from the database or the fence, when the fence runs now
	 */
	void queue(SqlSink sink, Batch batch, List<String> removeHeads, List<String> addHeads) throws SQLException {
		String table = this.tables.version();
		if (this.fence != NONE) {
			batch.flush();
			this.fence.check(sink);
		}
		if (removeHeads.size() == 1 && addHeads.size() == 1) {
			String from = removeHeads.get(0);
			String to = addHeads.get(0);
			batch.addChecked("UPDATE " + table + " SET version_num = ? WHERE version_num = ?",
					new Object[] { to, from }, table, "version_num",
					(count) -> check(count, "updating '" + from + "' to '" + to + "'"));
			return;
		}
		for (String head : removeHeads) {
			batch.addChecked("DELETE FROM " + table + " WHERE version_num = ?", new Object[] { head }, table,
					"version_num", (count) -> check(count, "deleting '" + head + "'"));
		}
		for (String head : addHeads) {
			batch.addUpdate("INSERT INTO " + table + " (version_num) VALUES (?)", new Object[] { head },
					batch.commits() ? null : (count) -> check(count, "inserting '" + head + "'"), (cause) -> {
						if (isDuplicate(cause)) {
							throw duplicate(table, head, cause);
						}
						return cause;
					});
		}
	}

	/**
	 * Remove every row (stamp with purge).
	 * @param sink where the write goes
	 * @throws SQLException from the database
	 */
	void purge(SqlSink sink) throws SQLException {
		this.fence.check(sink);
		sink.update("DELETE FROM " + this.tables.version());
	}

}
