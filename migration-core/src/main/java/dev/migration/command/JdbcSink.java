package dev.migration.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import dev.migration.lock.TransactionGate;
import dev.migration.sql.Dialect;

/**
 * Executes on a JDBC connection.
 */
final class JdbcSink extends SqlSink {

	private final Connection connection;

	private final TransactionGate gate = new TransactionGate();

	private @Nullable PreparedWrites prepared;

	JdbcSink(Connection connection, Dialect dialect) {
		super(dialect);
		this.connection = connection;
	}

	@Override
	public boolean isOffline() {
		return false;
	}

	@Override
	public Connection connection() {
		return this.connection;
	}

	@Override
	public void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@Override
	public int update(String sql, @Nullable Object... params) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			bind(statement, dialect(), params);
			return statement.executeUpdate();
		}
	}

	static void bind(PreparedStatement statement, Dialect dialect, @Nullable Object... params) throws SQLException {
		for (int i = 0; i < params.length; i++) {
			Object value = params[i];
			if (value instanceof Instant instant) {
				bindInstant(statement, i + 1, dialect, instant);
			}
			else if (value instanceof Boolean bool) {
				statement.setBoolean(i + 1, bool);
			}
			else if (value == null) {
				statement.setObject(i + 1, null);
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

	/**
	 * Bind a history time so that no zone of this JVM or of the session enters it: an
	 * offset date-time in UTC where the column holds an instant, UTC wall time in
	 * MariaDB/MySQL's {@code DATETIME}, epoch milliseconds in SQLite.
	 */
	private static void bindInstant(PreparedStatement statement, int index, Dialect dialect, Instant instant)
			throws SQLException {
		switch (dialect) {
			case POSTGRESQL, H2 -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
			case MYSQL -> statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
			case SQLITE -> statement.setLong(index, instant.toEpochMilli());
		}
	}

	@Override
	@Nullable Batch batch() {
		// pgjdbc and MariaDB Connector/J pipeline a batch; H2 and SQLite run in this
		// process
		return (dialect() == Dialect.POSTGRESQL || dialect() == Dialect.MYSQL)
				? new Batch(this.connection, dialect(), this.prepared) : null;
	}

	/**
	 * From now on, prepare the engine's batched writes once per session (PostgreSQL; see
	 * {@link PreparedWrites}). Only while the session is the server's for the whole run:
	 * not through a transaction-pooling PgBouncer.
	 */
	void prepareWrites() {
		if (dialect() == Dialect.POSTGRESQL && this.prepared == null) {
			this.prepared = new PreparedWrites();
		}
	}

	/**
	 * Give back what {@link #prepareWrites} left in the session, in the round trip of
	 * {@code before}.
	 * @param before statements to send first in the same round trip (may be empty)
	 * @throws SQLException from the database
	 */
	void endSession(String before) throws SQLException {
		if (this.prepared != null && this.prepared.any()) {
			this.prepared.deallocate(this.connection, before);
		}
		else if (!before.isEmpty()) {
			execute(before);
		}
	}

	@Override
	public void comment(String text) {
	}

	/**
	 * Entered around every transaction of this sink, for the lease's heartbeat.
	 * @return the gate
	 */
	TransactionGate gate() {
		return this.gate;
	}

	@Override
	public void begin() throws SQLException {
		if (!this.inTransaction) {
			this.gate.enter();
			try {
				this.connection.setAutoCommit(false);
			}
			catch (SQLException | RuntimeException ex) {
				this.gate.leave();
				throw ex;
			}
			this.inTransaction = true;
		}
	}

	@Override
	public void commit() throws SQLException {
		if (this.inTransaction) {
			this.connection.commit();
			this.inTransaction = false;
			this.gate.leave();
			this.connection.setAutoCommit(true);
		}
	}

	@Override
	void commitAndContinue() throws SQLException {
		if (this.inTransaction) {
			// the gate stays entered: the transaction goes on
			this.connection.commit();
		}
		else {
			begin();
		}
	}

	@Override
	void committedByBatch() throws SQLException {
		if (this.inTransaction) {
			this.inTransaction = false;
			this.gate.leave();
			// the driver saw the COMMIT end the transaction: nothing is sent
			this.connection.setAutoCommit(true);
		}
	}

	@Override
	public @Nullable SQLException rollback() {
		SQLException failure = null;
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
			}
		}
		catch (SQLException ex) {
			failure = ex;
		}
		try {
			this.connection.setAutoCommit(true);
		}
		catch (SQLException ex) {
			failure = (failure != null) ? failure : ex;
		}
		this.inTransaction = false;
		this.gate.leave();
		return failure;
	}

}
