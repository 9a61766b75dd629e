package dev.migration.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;

/**
 * The rows of Liquibase's {@code databasechangelog}, read as they are, and whether its
 * lock is held; neither table is changed.
 *
 * @param rows the rows in {@code orderexecuted} order
 * @param locked whether {@code databasechangeloglock} says an update holds the lock
 */
record LiquibaseHistory(List<Row> rows, boolean locked) {

	static LiquibaseHistory read(DataSource dataSource, String table) {
		try (Connection connection = dataSource.getConnection()) {
			List<Row> rows;
			String found = table;
			try {
				rows = rows(connection, table);
			}
			catch (SQLException ex) {
				// Liquibase creates DATABASECHANGELOG in upper case on MariaDB and MySQL,
				// where table names are case sensitive
				String upper = upper(table);
				if (upper.equals(table) || !connection.getAutoCommit()) {
					throw ex;
				}
				try {
					rows = rows(connection, upper);
					found = upper;
				}
				catch (SQLException again) {
					throw ex;
				}
			}
			return new LiquibaseHistory(rows,
					locked(connection, found + (found.equals(upper(found)) ? "LOCK" : "lock")));
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read Liquibase's table " + table + ": " + ex.getMessage().strip()
					+ ". Check the connection and the table name (--liquibase-table; Liquibase's default is "
					+ "databasechangelog, in the schema Liquibase used)", ex);
		}
	}

	private static String upper(String table) {
		int dot = table.lastIndexOf('.');
		return table.substring(0, dot + 1) + table.substring(dot + 1).toUpperCase(Locale.ROOT);
	}

	private static List<Row> rows(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT ID, AUTHOR, FILENAME, ORDEREXECUTED, EXECTYPE, MD5SUM FROM " + table
							+ " ORDER BY ORDEREXECUTED")) {
			List<Row> rows = new ArrayList<>();
			while (rs.next()) {
				rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
						rs.getString(6)));
			}
			return rows;
		}
	}

	private static boolean locked(Connection connection, String lockTable) {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT LOCKED FROM " + lockTable + " WHERE ID = 1")) {
			return rs.next() && rs.getBoolean(1);
		}
		catch (SQLException ex) {
			// no lock table: Liquibase never ran an update here, or it was dropped
			return false;
		}
	}

	/**
	 * One row.
	 *
	 * @param id the changeset id
	 * @param author the author
	 * @param filename the changelog file as Liquibase recorded it
	 * @param order orderexecuted
	 * @param execType {@code EXECUTED}, {@code RERAN}, {@code MARK_RAN}, ...
	 * @param checksum the recorded MD5SUM ({@code null} after clear-checksums)
	 */
	record Row(String id, String author, String filename, int order, String execType, @Nullable String checksum) {

		String name() {
			return this.filename + "::" + this.id + "::" + this.author + " (orderexecuted " + this.order + ")";
		}

	}

}
