package dev.migration.testing;

import dev.migration.sql.Dialect;

/** The databases every engine test runs against. */
public enum DatabaseKind {

	H2(Dialect.H2), SQLITE(Dialect.SQLITE), POSTGRESQL(Dialect.POSTGRESQL), MARIADB(Dialect.MYSQL);

	private final Dialect dialect;

	DatabaseKind(Dialect dialect) {
		this.dialect = dialect;
	}

	public Dialect dialect() {
		return this.dialect;
	}

	public boolean isServer() {
		return this == POSTGRESQL || this == MARIADB;
	}

}
