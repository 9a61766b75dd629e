package dev.migration.lint;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * The server the scripts will run on, for rules whose answer depends on it (which
 * {@code ALTER}s are INSTANT on MariaDB 10.11 or MySQL 8.0, whether a PostgreSQL default
 * rewrites the table).
 *
 * @param product {@code postgresql}, {@code mysql} or {@code mariadb}
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version (MySQL 8.0's features arrive in patch releases)
 */
record ServerVersion(String product, int major, int minor, int patch) {

	/**
	 * Parse {@code mariadb-10.11}, {@code mysql-8.0.35}, {@code postgresql-16};
	 * {@code null} or blank picks the dialect's default (PostgreSQL 14, MariaDB 10.11).
	 */
	static ServerVersion parse(@Nullable String text, Dialect dialect) {
		if (text == null || text.isBlank()) {
			return (dialect == Dialect.MYSQL) ? new ServerVersion("mariadb", 10, 11, 0)
					: new ServerVersion("postgresql", 14, 0, 0);
		}
		String lower = text.strip().toLowerCase(Locale.ROOT);
		int dash = lower.indexOf('-');
		String product = (dash < 0) ? lower : lower.substring(0, dash);
		if (product.equals("postgres")) {
			product = "postgresql";
		}
		if (!product.equals("postgresql") && !product.equals("mysql") && !product.equals("mariadb") || dash < 0) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a server version; write e.g. mariadb-10.11, mysql-8.0.35 or postgresql-16");
		}
		String[] parts = lower.substring(dash + 1).split("\\.");
		try {
			int major = Integer.parseInt(parts[0]);
			int minor = (parts.length > 1) ? Integer.parseInt(parts[1]) : 0;
			int patch = (parts.length > 2) ? Integer.parseInt(parts[2]) : 0;
			return new ServerVersion(product, major, minor, patch);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a server version; write e.g. mariadb-10.11, mysql-8.0.35 or postgresql-16",
					ex);
		}
	}

	boolean isMariadb() {
		return this.product.equals("mariadb");
	}

	/** Whether this is at least the given version. */
	boolean atLeast(int major, int minor, int patch) {
		if (this.major != major) {
			return this.major > major;
		}
		if (this.minor != minor) {
			return this.minor > minor;
		}
		return this.patch >= patch;
	}

	@Override
	public String toString() {
		return this.product + "-" + this.major + "." + this.minor + ((this.patch > 0) ? "." + this.patch : "");
	}

}
