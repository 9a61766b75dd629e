package dev.migration.sql;

import java.util.Locale;

/**
 * The databases the engine supports. Owns what differs between them: identifier quoting,
 * statement splitting rules, transactional DDL and locking.
 */
public enum Dialect {

	H2(true), POSTGRESQL(true), MYSQL(false), SQLITE(true);

	private final boolean transactionalDdl;

	Dialect(boolean transactionalDdl) {
		this.transactionalDdl = transactionalDdl;
	}

	/**
	 * Whether DDL statements take part in transactions (false on MariaDB/MySQL, where
	 * they commit implicitly).
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

}
