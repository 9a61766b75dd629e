package dev.migration.imports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;

/**
 * The rows of Flyway's history table, read as they are; the table is never changed.
 *
 * @param rows the rows in {@code installed_rank} order
 */
record FlywayHistory(List<Row> rows) {

	static FlywayHistory read(DataSource dataSource, String table) {
		try (Connection connection = dataSource.getConnection()) {
			try {
				return read(connection, table, "");
			}
			catch (SQLException ex) {
				if (table.indexOf('"') >= 0 || table.indexOf('.') >= 0 || !connection.getAutoCommit()) {
					throw ex;
				}
				// Flyway quotes the name it creates, so on H2 the table is lower case
				try {
					return read(connection, '"' + table + '"', "\"");
				}
				catch (SQLException quoted) {
					throw ex;
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot read Flyway's history table " + table + ": " + ex.getMessage().strip()
					+ ". Check the connection and the table name (--flyway-table; Flyway's default is "
					+ "flyway_schema_history, in the schema Flyway used)", ex);
		}
	}

	private static FlywayHistory read(Connection connection, String table, String quote) throws SQLException {
		String q = quote;
		String sql = "SELECT " + q + "installed_rank" + q + ", " + q + "version" + q + ", " + q + "description" + q
				+ ", " + q + "type" + q + ", " + q + "script" + q + ", " + q + "checksum" + q + ", " + q + "success" + q
				+ " FROM " + table + " ORDER BY " + q + "installed_rank" + q;
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery(sql)) {
				List<Row> rows = new ArrayList<>();
				while (rs.next()) {
					int checksum = rs.getInt("checksum");
					Integer recorded = rs.wasNull() ? null : checksum;
					String version = rs.getString("version");
					rows.add(new Row(rs.getInt("installed_rank"),
							(version != null) ? FlywayVersion.parse(version) : null, rs.getString("description"),
							rs.getString("type"), rs.getString("script"), recorded, rs.getBoolean("success")));
				}
				return new FlywayHistory(rows);
			}
		}
	}

	/**
	 * One row.
	 *
	 * @param rank installed_rank
	 * @param version the version ({@code null} for repeatables and Flyway's schema row)
	 * @param description the description
	 * @param type {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code UNDO_SQL}, ...
	 * @param script the script name
	 * @param checksum the recorded checksum
	 * @param success the outcome
	 */
	record Row(int rank, @Nullable FlywayVersion version, String description, String type, String script,
			@Nullable Integer checksum, boolean success) {

		String name() {
			return ((this.version != null) ? "version " + this.version + " (" : "(") + this.script + ", installed_rank "
					+ this.rank + ")";
		}

	}

}
