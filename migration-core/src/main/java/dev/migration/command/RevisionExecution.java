package dev.migration.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.HistoryEntry.Direction;
import dev.migration.Migration;
import dev.migration.MigrationContext;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.graph.MigrationStep;
import dev.migration.lint.StatementEffect;
import dev.migration.script.SqlMigration;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Runs a revision's body through a sink, one statement at a time, keeping track of which
 * statement is running so that a failure can say exactly where it happened.
 */
final class RevisionExecution {

	private static final String SAVEPOINT_NAME = "migration_statement";

	private static final String SAVEPOINT = "SAVEPOINT " + SAVEPOINT_NAME;

	private final Revision revision;

	private final Direction direction;

	private final SqlSink sink;

	private final ProgressRecorder progress;

	private final @Nullable List<SqlStatement> statements;

	/** The statement running now: 1-based index and file line (0 when unknown). */
	int currentIndex;

	int currentLine;

	/** Statements that completed. */
	int done;

	/**
	 * Whether data manipulation commits in one transaction with its progress row, so a
	 * killed run never leaves it in doubt.
	 */
	private final boolean dmlWithProgress;

	/**
	 * MariaDB/MySQL: the step's transaction stays open, and what it holds commits with
	 * the next statement that commits implicitly, or with the step's end, where that
	 * keeps the guarantees ({@link #foldCommits}).
	 */
	private boolean fold;

	/** Whether the open transaction holds anything not yet committed. */
	private boolean pending;

	/**
	 * Whether the open transaction holds the history row's opening, which commits before
	 * a data change: a change to a table that cannot roll back must find the row there
	 * after a kill.
	 */
	private boolean rowPending;

	/** Statements whose effects no rollback of the open transaction undoes. */
	private int settled;

	RevisionExecution(MigrationStep step, SqlSink sink, ProgressRecorder progress) {
		this(step, sink, progress, 0, false);
	}

	/**
	 * A body that runs statement by statement, recording its progress.
	 * @param from the statements that already ran (a resumed step)
	 * @param dmlWithProgress whether data manipulation commits with its progress row
	 */
	RevisionExecution(MigrationStep step, SqlSink sink, ProgressRecorder progress, int from, boolean dmlWithProgress) {
		this.revision = step.revision();
		this.direction = step.direction();
		this.sink = sink;
		this.progress = progress;
		this.statements = statements(this.revision, this.direction, sink.dialect());
		this.done = from;
		// a script that controls its own transactions gets none from the engine around
		// its data changes: they would nest inside the script's
		this.dmlWithProgress = dmlWithProgress && this.statements != null
				&& !TransactionControl.controlsTransactions(this.statements, sink.dialect());
	}

	/**
	 * On MariaDB/MySQL, which commit the open transaction before (and after) DDL, let the
	 * step's bookkeeping ride on those commits instead of committing it on its own. The
	 * caller has begun the transaction. Before each statement, what the transaction holds
	 * is committed unless the statement commits it itself
	 * ({@link StatementEffect#commitsImplicitly}), or it is a data change (which then
	 * commits with what is open and its own progress, after a savepoint that a failure
	 * rolls back to). So statement i still never starts before the progress of statement
	 * i-1 is committed or commits with its own effects, and a kill leaves in doubt at
	 * most the one statement after the committed progress, as without folding (data
	 * changes after it rolled back with their progress rows). Java migrations and scripts
	 * that control their own transactions are not folded.
	 * @param rowPending whether the transaction holds the opening of the history row
	 * @see #canFold()
	 */
	void foldCommits(boolean rowPending) {
		if (!canFold()) {
			throw new IllegalStateException("Only a MariaDB/MySQL script's statements fold their commits");
		}
		this.fold = true;
		this.pending = rowPending;
		this.rowPending = rowPending;
		this.settled = this.done;
	}

	/**
	 * Whether {@link #foldCommits} applies: SQL statements on MariaDB/MySQL, run with
	 * data changes committing with their progress.
	 * @return whether it does
	 */
	boolean canFold() {
		return this.dmlWithProgress && this.sink.dialect() == Dialect.MYSQL;
	}

	/**
	 * Statements whose effects a rollback of the open transaction leaves in place: with
	 * folding, the data changes since the last commit are undone.
	 * @return how many
	 */
	int settled() {
		return this.fold ? this.settled : this.done;
	}

	/**
	 * Commit what the open transaction holds, going on in a new one (folding only).
	 * @throws SQLException from the database
	 */
	void commitPending() throws SQLException {
		if (this.pending) {
			this.sink.commitAndContinue();
		}
		this.pending = false;
		this.rowPending = false;
		this.settled = this.done;
	}

	/**
	 * The statements of a SQL revision's section, so they can be run and reported one by
	 * one. Transaction control at their top level is refused (see
	 * {@link TransactionControl}).
	 * @return the statements, or {@code null} for a body that is code (Java migrations)
	 */
	static @Nullable List<SqlStatement> statements(Revision revision, Direction direction, Dialect dialect) {
		if (!(revision.migration() instanceof SqlMigration sql)) {
			return null;
		}
		List<SqlStatement> statements = sql.statements(direction, dialect);
		TransactionControl.check(revision, direction, statements, dialect);
		return statements;
	}

	/** Statements in the body, {@code null} when only running it tells (Java). */
	@Nullable Integer total() {
		return (this.statements != null) ? this.statements.size() : null;
	}

	void run() throws Exception {
		if (this.statements != null) {
			for (SqlStatement statement : this.statements.subList(this.done, this.statements.size())) {
				boolean implicit = this.fold && StatementEffect.commitsImplicitly(statement.sql(), this.sink.dialect());
				boolean dml = !implicit && this.dmlWithProgress
						&& StatementEffect.of(statement.sql(), this.sink.dialect()).kind() == StatementEffect.Kind.DML;
				if (this.fold && !implicit && (!dml || this.rowPending)) {
					commitPending();
				}
				if (dml) {
					executeWithProgress(statement.sql(), statement.line());
				}
				else {
					execute(statement.sql(), statement.line(), implicit);
				}
			}
			return;
		}
		Migration migration = this.revision.migration();
		if (migration == null) {
			throw new MigrationException(
					"Revision " + this.revision.id() + " (" + this.revision.location() + ") has no body to run");
		}
		MigrationContext context = new Context();
		if (this.direction == Direction.DOWNGRADE) {
			migration.downgrade(context);
		}
		else {
			migration.upgrade(context);
		}
	}

	/**
	 * Whether the body is statements a batch can carry: a SQL script's (Java migrations
	 * run their own code).
	 */
	boolean isBatchable() {
		return this.statements != null;
	}

	/**
	 * Queue the body's statements in a transaction's batch. A statement that may return
	 * rows goes on its own, after what is queued before it. A failing statement is
	 * reported with its position and line, as {@link #run()} reports it; counted as done,
	 * the queued statements are in the step's history row, which commits with them or not
	 * at all.
	 * @param batch the step's batch
	 * @throws SQLException the failure of a statement sent so far
	 */
	void queue(Batch batch) throws SQLException {
		List<SqlStatement> body = this.statements;
		if (body == null) {
			throw new IllegalStateException("A Java migration is not batched");
		}
		for (int i = this.done; i < body.size(); i++) {
			SqlStatement statement = body.get(i);
			int index = i + 1;
			if (Batch.canTake(statement.sql())) {
				batch.add(statement.sql(), null, (cause) -> {
					this.currentIndex = index;
					this.currentLine = statement.line();
					this.done = index - 1;
					return cause;
				});
			}
			else {
				batch.flush();
				this.done = i;
				execute(statement.sql(), statement.line());
			}
		}
		this.done = body.size();
	}

	private void execute(String sql, int line) throws SQLException {
		execute(sql, line, false);
	}

	/**
	 * @param implicit whether the server committed before and after the statement
	 * (folding only)
	 */
	private void execute(String sql, int line, boolean implicit) throws SQLException {
		this.currentIndex = this.done + 1;
		this.currentLine = line;
		this.sink.execute(sql);
		this.done++;
		if (this.fold) {
			// a failing statement leaves the transaction for the step's failure row
			this.settled = implicit ? this.done : this.settled;
			this.rowPending = this.rowPending && !implicit;
			this.pending = true;
		}
		// a failure to record progress is not the statement's failure
		this.currentIndex = 0;
		this.currentLine = 0;
		this.progress.statementDone(this.done);
	}

	/**
	 * Run a data-manipulation statement and record its progress in one transaction.
	 */
	private void executeWithProgress(String sql, int line) throws SQLException {
		this.currentIndex = this.done + 1;
		this.currentLine = line;
		this.sink.begin();
		try {
			// one round trip for the statement and its progress row where the driver
			// pipelines a batch
			Batch batch = Batch.canTake(sql) ? this.sink.batch() : null;
			if (batch != null) {
				if (this.fold) {
					batch.add(SAVEPOINT, null, Batch.OnFailure.AS_IS);
				}
				batch.add(sql, null, Batch.OnFailure.AS_IS);
				boolean queued = this.progress.queue(batch, this.done + 1);
				batch.flush();
				if (!queued) {
					this.progress.statementDone(this.done + 1);
				}
			}
			else {
				if (this.fold) {
					this.sink.execute(SAVEPOINT);
				}
				this.sink.execute(sql);
				this.progress.statementDone(this.done + 1);
			}
			if (this.fold) {
				this.pending = true;
			}
			else {
				this.sink.commit();
			}
		}
		catch (SQLException | RuntimeException ex) {
			if (!this.fold || !rolledBackToSavepoint()) {
				this.sink.rollbackAfter(ex);
				// folding: the data changes since the last commit went with it
				this.done = this.settled();
				this.pending = false;
				this.rowPending = false;
			}
			throw ex;
		}
		this.done++;
		this.currentIndex = 0;
		this.currentLine = 0;
	}

	/**
	 * Undo the failed data change (and the progress row a batch ran after it) and keep
	 * what the transaction held before it, for the failure row to commit with.
	 * @return {@code false} when the server had rolled the whole transaction back (a
	 * deadlock): the savepoint is gone
	 */
	private boolean rolledBackToSavepoint() {
		try {
			this.sink.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT_NAME);
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Records, after each completed statement, how many have completed. */
	@FunctionalInterface
	interface ProgressRecorder {

		void statementDone(int done) throws SQLException;

		/**
		 * Queue the record in a batch, after the statement.
		 * @param batch the batch
		 * @param done statements completed
		 * @return whether it was queued; if not, {@link #statementDone} records it
		 */
		default boolean queue(Batch batch, int done) {
			return false;
		}

	}

	/** Thrown through Java migrations' code, unwrapped by the runner. */
	static final class StatementFailure extends RuntimeException {

		StatementFailure(SQLException cause) {
			super(cause.getMessage(), cause);
		}

	}

	private final class Context implements MigrationContext {

		@Override
		public Revision revision() {
			return RevisionExecution.this.revision;
		}

		@Override
		public Dialect dialect() {
			return RevisionExecution.this.sink.dialect();
		}

		@Override
		public boolean isOffline() {
			return RevisionExecution.this.sink.isOffline();
		}

		@Override
		public Connection connection() {
			Connection connection = RevisionExecution.this.sink.connection();
			if (connection == null) {
				throw new MigrationException("Revision " + RevisionExecution.this.revision.id() + " ("
						+ RevisionExecution.this.revision.location()
						+ ") uses the JDBC connection, which offline SQL does not "
						+ "have: use context.execute(sql) for what it runs, or check context.isOffline()");
			}
			return connection;
		}

		@Override
		public void execute(String sql) {
			try {
				RevisionExecution.this.execute(sql, 0);
			}
			catch (SQLException ex) {
				throw new StatementFailure(ex);
			}
		}

	}

}
