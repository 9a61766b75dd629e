package dev.migration.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.sql.Connector;
import dev.migration.sql.Dialect;

/**
 * One work connection and what hangs off it for the length of a command. The connection
 * is given back in the state it came in (auto-commit), because it may belong to the
 * application's pool.
 */
final class Session implements AutoCloseable {

	final DataSource dataSource;

	final Connection connection;

	final Dialect dialect;

	final Tables tables;

	final HistoryStore history;

	final HeadTracker heads;

	final JdbcSink sink;

	private final boolean autoCommit;

	private @Nullable String user;

	private boolean checkingClient;

	/**
	 * PostgreSQL's application_name before the run, restored for the pool; {@code null}
	 * when the session did not set it.
	 */
	private @Nullable String applicationName;

	private Session(DataSource dataSource, Connection connection, Dialect dialect, Tables tables, boolean autoCommit) {
		this.dataSource = dataSource;
		this.connection = connection;
		this.dialect = dialect;
		this.tables = tables;
		this.history = new HistoryStore(tables);
		this.heads = new HeadTracker(tables);
		this.sink = new JdbcSink(connection, dialect);
		this.autoCommit = autoCommit;
	}

	static Session open(MigrationConfig config) {
		DataSource dataSource = requireDataSource(config);
		Connection connection = Connector.connect(dataSource, config);
		try {
			Connector.initialize(connection, config.initSqls());
			boolean autoCommit = connection.getAutoCommit();
			if (!autoCommit) {
				connection.setAutoCommit(true);
			}
			Dialect dialect = (config.dialect() != null) ? config.dialect() : Dialect.detect(connection);
			return new Session(dataSource, connection, dialect, Tables.of(config, dialect), autoCommit);
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			throw (ex instanceof RuntimeException runtime) ? runtime
					: new MigrationException("Cannot prepare the connection: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Read something in a session of its own.
	 * @param config the configuration
	 * @param what what is read, for the message when the database fails
	 * @param reading the reading
	 * @return what was read
	 */
	static <T> T read(MigrationConfig config, String what, Reading<T> reading) {
		try (Session session = open(config)) {
			return reading.read(session);
		}
		catch (SQLException ex) {
			throw databaseError(what, ex);
		}
	}

	/** What {@link #read} does with the session. */
	@FunctionalInterface
	interface Reading<T> {

		T read(Session session) throws SQLException;

	}

	static MigrationException databaseError(String what, SQLException ex) {
		return new MigrationException("Could not " + what + ": " + ex.getMessage()
				+ ((ex.getSQLState() != null) ? " (SQL state " + ex.getSQLState() + ")" : "")
				+ ". Check the connection and that the user may read and write the migration tables", ex);
	}

	private static DataSource requireDataSource(MigrationConfig config) {
		DataSource dataSource = config.dataSource();
		if (dataSource == null) {
			throw new InvalidConfigurationException("migration.url",
					"is not set and no DataSource was given: this command needs a database");
		}
		return dataSource;
	}

	/**
	 * On PostgreSQL 14+, make the server notice within a second when this process dies
	 * mid-statement: otherwise an orphaned statement (an index build, say) runs to its
	 * end holding its locks, and the next migrator, which gets the advisory lock at once,
	 * waits behind it. Older servers reject the setting, which changes nothing.
	 */
	void endStatementsOfDeadClients() {
		if (this.dialect != Dialect.POSTGRESQL) {
			return;
		}
		try {
			// shows in pg_stat_activity, so DBAs can tell the migrator's sessions apart;
			// set only for work under the lock, so that a run with nothing to do and the
			// read-only commands cost no round trip for it
			String previous = this.connection.getClientInfo("ApplicationName");
			this.connection.setClientInfo("ApplicationName", "migration");
			this.applicationName = (previous != null) ? previous : "";
		}
		catch (SQLException ex) {
			// a name for DBAs only
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("SET client_connection_check_interval = 1000");
			this.checkingClient = true;
		}
		catch (SQLException ex) {
			// before PostgreSQL 14: the orphaned statement ends when it next talks to us
		}
	}

	/** The database user, for history rows; read once. */
	@Nullable String user() {
		if (this.user == null) {
			try {
				this.user = this.connection.getMetaData().getUserName();
			}
			catch (SQLException ex) {
				this.user = null;
			}
		}
		return this.user;
	}

	String url() {
		try {
			String url = this.connection.getMetaData().getURL();
			return (url != null) ? url : this.dataSource.toString();
		}
		catch (SQLException ex) {
			return this.dataSource.toString();
		}
	}

	@Override
	public void close() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
			// one round trip for what the run set and prepared in the session, in
			// auto-commit so that a pool's rollback cannot undo the reset
			this.sink.endSession(this.checkingClient ? "RESET client_connection_check_interval" : "");
			this.connection.setAutoCommit(this.autoCommit);
			if (this.applicationName != null) {
				this.connection.setClientInfo("ApplicationName", this.applicationName);
			}
		}
		catch (SQLException ex) {
			// closing anyway (a session lock that could not be given back has aborted the
			// connection, so that its pool discards it)
		}
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			// nothing left to do with it
		}
	}

}
