package dev.migration.command;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.sql.Dialect;

/**
 * The format of the engine's own tables, recorded in {@code <history table>_format} (one
 * row, {@code format_version}), and the in-place upgrade of tables an older version of
 * the tool created. Format 1 (no format table) wrote history times as wall time of the
 * writing JVM's zone; format 2 stores them as instants (UTC wall time on MariaDB/MySQL)
 * and records each revision's parents.
 * <p>
 * The upgrade runs under the migration lock and is safe to repeat after a kill: each step
 * checks whether it is done, and the conversion of old times commits together with the
 * format row.
 */
final class TableFormat {

	private static final Logger log = LoggerFactory.getLogger(TableFormat.class);

	/** The format this build writes. */
	static final int CURRENT = 2;

	private TableFormat() {
	}

	static String createTable(Tables tables) {
		return "CREATE TABLE IF NOT EXISTS " + tables.format() + " (format_version INTEGER NOT NULL)";
	}

	/** Record {@link #CURRENT} when the table has no row yet (idempotent). */
	static String insertCurrent(Tables tables) {
		return "INSERT INTO " + tables.format() + " (format_version) SELECT " + CURRENT
				+ ((tables.dialect() == Dialect.MYSQL) ? " FROM DUAL" : "") + " WHERE NOT EXISTS (SELECT 1 FROM "
				+ tables.format() + ")";
	}

	/**
	 * The recorded format: {@code 1} when the table does not exist or is empty (tables
	 * from before formats were recorded).
	 * @param connection a connection in auto-commit
	 * @param tables the tables
	 * @return the format
	 */
	static int read(Connection connection, Tables tables) {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT MAX(format_version) FROM " + tables.format())) {
			int format = rs.next() ? rs.getInt(1) : 0;
			return (format > 0) ? format : 1;
		}
		catch (SQLException ex) {
			return 1;
		}
	}

	/**
	 * Bring existing tables to {@link #CURRENT}. Online only; runs under the lock, in
	 * auto-commit.
	 * @param tables the tables
	 * @param sink the online sink
	 * @param historyColumns the history table's columns (lower case)
	 * @throws SQLException from the database
	 */
	static void ensureCurrent(Tables tables, SqlSink sink, Set<String> historyColumns) throws SQLException {
		Connection connection = sink.connection();
		if (connection == null) {
			return;
		}
		int format = read(connection, tables);
		boolean hasParents = historyColumns.contains(Tables.PARENTS_COLUMN);
		if (format >= CURRENT && hasParents) {
			return;
		}
		ZoneId zone = ZoneId.systemDefault();
		if (format < CURRENT) {
			log.info(
					"{}: upgrading the migration tables from format {} to {}: history times written in the JVM's "
							+ "zone ({}) become UTC instants, and applied revisions record their parents",
					tables.history(), format, CURRENT, zone.getId());
		}
		sink.execute(createTable(tables));
		switch (tables.dialect()) {
			case POSTGRESQL -> {
				sink.begin();
				if (format < CURRENT) {
					sink.execute("ALTER TABLE " + tables.history() + " ALTER COLUMN started_at TYPE "
							+ TableSetup.timestampType(tables.dialect()) + " USING started_at AT TIME ZONE "
							+ literal(zone) + ", ALTER COLUMN finished_at TYPE "
							+ TableSetup.timestampType(tables.dialect()) + " USING finished_at AT TIME ZONE "
							+ literal(zone));
				}
				finish(tables, sink, hasParents);
				sink.commit();
			}
			case H2 -> {
				if (format < CURRENT) {
					// H2 converts in the session's zone; DDL commits implicitly, and
					// converting an already converted column again changes nothing
					sink.execute("SET TIME ZONE " + literal(zone));
					try {
						for (String column : List.of("started_at", "finished_at")) {
							sink.execute("ALTER TABLE " + tables.history() + " ALTER COLUMN " + column
									+ " SET DATA TYPE " + TableSetup.timestampType(tables.dialect()));
						}
					}
					finally {
						sink.execute("SET TIME ZONE LOCAL");
					}
				}
				finish(tables, sink, hasParents);
			}
			case MYSQL -> {
				if (format < CURRENT) {
					// DDL commits implicitly, so the conversion is DML that commits with
					// the format row: a kill leaves either both or neither
					sink.begin();
					convertToUtc(tables, sink, connection, zone);
					sink.execute(insertCurrent(tables));
					sink.commit();
				}
				if (!hasParents) {
					addParents(tables, sink);
				}
			}
			case SQLITE -> {
				// sqlite-jdbc always wrote epoch milliseconds: the times are instants
				// already
				sink.begin();
				finish(tables, sink, hasParents);
				sink.commit();
			}
		}
	}

	private static void finish(Tables tables, SqlSink sink, boolean hasParents) throws SQLException {
		if (!hasParents) {
			addParents(tables, sink);
		}
		sink.execute(insertCurrent(tables));
	}

	private static void addParents(Tables tables, SqlSink sink) throws SQLException {
		sink.execute("ALTER TABLE " + tables.history() + " ADD " + Tables.PARENTS_COLUMN + " " + Tables.PARENTS_TYPE);
	}

	private static void convertToUtc(Tables tables, SqlSink sink, Connection connection, ZoneId zone)
			throws SQLException {
		List<Object[]> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT id, started_at, finished_at FROM " + tables.history() + " ORDER BY id")) {
			while (rs.next()) {
				rows.add(new Object[] { rs.getLong(1), utc(rs.getObject(2, LocalDateTime.class), zone),
						utc(rs.getObject(3, LocalDateTime.class), zone) });
			}
		}
		try (PreparedStatement update = connection
			.prepareStatement("UPDATE " + tables.history() + " SET started_at = ?, finished_at = ? WHERE id = ?")) {
			for (Object[] row : rows) {
				update.setObject(1, row[1]);
				update.setObject(2, row[2]);
				update.setLong(3, (Long) row[0]);
				update.addBatch();
			}
			if (!rows.isEmpty()) {
				update.executeBatch();
			}
		}
	}

	private static @Nullable LocalDateTime utc(@Nullable LocalDateTime local, ZoneId zone) {
		return (local != null) ? LocalDateTime.ofInstant(local.atZone(zone).toInstant(), ZoneOffset.UTC) : null;
	}

	private static String literal(ZoneId zone) {
		return "'" + zone.getId().replace("'", "''") + "'";
	}

}
