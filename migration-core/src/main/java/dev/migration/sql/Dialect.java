package dev.migration.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationException;

/**
 * The databases the engine supports. Owns what differs between them: identifier quoting,
 * statement splitting rules, transactional DDL and locking.
 */
public enum Dialect {

	/**
	 * H2 commits the open transaction on every DDL statement (its documentation says so
	 * for CREATE, ALTER, DROP), so like MySQL it runs revisions statement by statement
	 * with recorded progress.
	 */
	H2(false), POSTGRESQL(true), MYSQL(false), SQLITE(true);

	/**
	 * Names from settings become part of SQL text, so only plain identifiers are
	 * accepted: nothing that needs quoting can smuggle SQL in, and unquoted names fold
	 * case the way every user of the database expects.
	 */
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

	private final boolean transactionalDdl;

	Dialect(boolean transactionalDdl) {
		this.transactionalDdl = transactionalDdl;
	}

	/**
	 * Whether DDL statements take part in transactions (false on MariaDB/MySQL and H2,
	 * where they commit implicitly).
	 * @return whether DDL is transactional
	 */
	public boolean supportsTransactionalDdl() {
		return this.transactionalDdl;
	}

	/**
	 * The dialect for a JDBC URL.
	 * @param url a JDBC URL such as {@code jdbc:postgresql://host/db}
	 * @return the dialect
	 * @throws IllegalArgumentException for a database that is not supported
	 */
	public static Dialect fromJdbcUrl(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:h2:")) {
			return H2;
		}
		if (lower.startsWith("jdbc:postgresql:")) {
			return POSTGRESQL;
		}
		if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
			return MYSQL;
		}
		if (lower.startsWith("jdbc:sqlite:")) {
			return SQLITE;
		}
		throw new IllegalArgumentException("Unsupported database URL '" + url
				+ "'; supported: jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:, jdbc:h2:, jdbc:sqlite:");
	}

	/**
	 * Parse a dialect name as users write it ({@code postgresql}, {@code postgres},
	 * {@code mariadb}, {@code mysql}, {@code h2}, {@code sqlite}).
	 * @param name the name
	 * @return the dialect
	 */
	public static Dialect fromName(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "h2" -> H2;
			case "postgresql", "postgres", "pg" -> POSTGRESQL;
			case "mariadb", "mysql" -> MYSQL;
			case "sqlite" -> SQLITE;
			default -> throw new IllegalArgumentException(
					"Unknown dialect '" + name + "'; use one of postgresql, mariadb, mysql, h2, sqlite");
		};
	}

	/**
	 * The dialect of a live connection: from its driver when it is one of the supported
	 * databases' (behind a pool that unwraps), else from its metadata.
	 * @param connection the connection
	 * @return the dialect
	 * @throws MigrationException for a database that is not supported
	 */
	public static Dialect detect(Connection connection) {
		Dialect driver = ofDriver(connection);
		if (driver != null) {
			return driver;
		}
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("postgres")) {
				return POSTGRESQL;
			}
			if (product.contains("mariadb") || product.contains("mysql")) {
				return MYSQL;
			}
			if (product.contains("h2")) {
				return H2;
			}
			if (product.contains("sqlite")) {
				return SQLITE;
			}
			throw new MigrationException("Unsupported database '" + metaData.getDatabaseProductName() + "' at "
					+ metaData.getURL() + "; supported: PostgreSQL, MariaDB/MySQL, H2, SQLite");
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot detect the database dialect: " + ex.getMessage()
					+ ". Set migration.dialect explicitly or check the connection", ex);
		}
	}

	/**
	 * The dialect a supported driver's own connection class implies. Each of these
	 * drivers reports one product name, the one the metadata would be read for (pgjdbc
	 * always "PostgreSQL", MariaDB's and MySQL's drivers "MariaDB" or "MySQL"), and its
	 * metadata class is among the largest it has: the first connection of an application
	 * need not load it. {@code null} for any other connection (a wrapper that does not
	 * unwrap to the driver's included), which is asked for its metadata.
	 */
	private static @Nullable Dialect ofDriver(Connection connection) {
		String type;
		try {
			type = connection.unwrap(Connection.class).getClass().getName();
		}
		catch (SQLException | RuntimeException ex) {
			return null;
		}
		if (type.startsWith("org.postgresql.")) {
			return POSTGRESQL;
		}
		if (type.startsWith("org.mariadb.jdbc.") || type.startsWith("com.mysql.")) {
			return MYSQL;
		}
		if (type.startsWith("org.h2.")) {
			return H2;
		}
		if (type.startsWith("org.sqlite.")) {
			return SQLITE;
		}
		return null;
	}

	/**
	 * Check a schema or table name taken from settings before it becomes part of SQL.
	 * @param property the setting's name, for the message
	 * @param name the value
	 * @return the name
	 * @throws InvalidConfigurationException when the name is not a plain identifier
	 */
	public static String checkIdentifier(String property, String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new InvalidConfigurationException(property,
					"must be a plain SQL identifier (letters, digits and '_', not starting with a digit, at most 63 "
							+ "characters), but was '" + name + "'. Names are written into SQL unquoted, so "
							+ "anything else is refused");
		}
		return name;
	}

}
