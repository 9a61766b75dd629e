package dev.migration.script;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.sql.Dialect;

/**
 * What loading the scripts may need to know about the target database: its vendor for
 * {@code {vendor}} in locations, and the values of the built-in placeholders
 * {@code ${migration:schema}}, {@code ${migration:user}} and
 * {@code ${migration:database}}. Read from a connection when there is a database, else
 * from the configuration alone (offline), where what is unknown is {@code null}.
 *
 * @param vendor {@code h2}, {@code postgresql}, {@code mariadb}, {@code mysql} or
 * {@code sqlite}; {@code null} when neither a database nor a dialect is configured
 * @param schema the configured schema, else the connection's current schema (the database
 * on MariaDB/MySQL)
 * @param user the user the migration connects as (empty on SQLite)
 * @param database the database (catalog) the connection is on
 */
public record DatabaseFacts(@Nullable String vendor, @Nullable String schema, @Nullable String user,
		@Nullable String database) {

	/**
	 * What the configuration alone says (no connection).
	 * @param config the configuration
	 * @return the facts, with the dialect's vendor and the configured schema
	 */
	public static DatabaseFacts offline(MigrationConfig config) {
		Dialect dialect = config.dialect();
		String vendor = (dialect != null) ? dialect.name().toLowerCase(Locale.ROOT) : null;
		return new DatabaseFacts(vendor, config.schema(), null, null);
	}

	/**
	 * What a connection says.
	 * @param connection the connection
	 * @param config the configuration (its schema wins over the connection's)
	 * @return the facts
	 * @throws SQLException when the metadata cannot be read
	 */
	public static DatabaseFacts of(Connection connection, MigrationConfig config) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
		Dialect dialect = (config.dialect() != null) ? config.dialect() : Dialect.detect(connection);
		String vendor = product.contains("mariadb") ? "mariadb" : dialect.name().toLowerCase(Locale.ROOT);
		if (dialect == Dialect.MYSQL && vendor.equals("mysql") && isMariaDb(connection)) {
			vendor = "mariadb";
		}
		String database = (dialect == Dialect.SQLITE) ? "main" : connection.getCatalog();
		String schema = config.schema();
		if (schema == null) {
			schema = switch (dialect) {
				case MYSQL -> connection.getCatalog();
				case SQLITE -> "main";
				default -> connection.getSchema();
			};
		}
		String user = metaData.getUserName();
		if (user != null && dialect == Dialect.MYSQL && user.indexOf('@') > 0) {
			// MariaDB reports user@host
			user = user.substring(0, user.indexOf('@'));
		}
		// SQLite has no users: the empty string, as a connected database has an answer
		return new DatabaseFacts(vendor, schema, (user != null) ? user : "", database);
	}

	private static boolean isMariaDb(Connection connection) throws SQLException {
		// MySQL's driver on a MariaDB server reports "MySQL"; the version says MariaDB
		return connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb");
	}

}
