package dev.migration;

import java.sql.Connection;

import dev.migration.op.Operations;
import dev.migration.sql.Dialect;

/**
 * What a running migration sees. Everything a migration executes should go through
 * {@link #execute(String)} so that offline mode ({@code --sql}) prints exactly what would
 * run.
 */
public interface MigrationContext {

	/**
	 * The revision being applied or reverted.
	 * @return the revision
	 */
	Revision revision();

	/**
	 * The dialect of the target database.
	 * @return the dialect
	 */
	Dialect dialect();

	/**
	 * Whether this is an offline run that prints SQL instead of executing it.
	 * @return {@code true} in offline mode
	 */
	boolean isOffline();

	/**
	 * The JDBC connection, for data migrations.
	 * @return the connection
	 * @throws MigrationException in offline mode, where there is no connection
	 */
	Connection connection();

	/**
	 * Execute (or, offline, print) one SQL statement.
	 * @param sql the statement, without a trailing delimiter
	 */
	void execute(String sql);

	/**
	 * The operations API ({@code op.createTable(...)}, {@code op.addColumn(...)}, ...),
	 * rendered for this context's dialect and executed through {@link #execute(String)}.
	 * @return the operations on this context
	 */
	default Operations op() {
		return Operations.of(this);
	}

}
