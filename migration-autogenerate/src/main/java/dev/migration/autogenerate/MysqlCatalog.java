package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import dev.migration.op.Column;
import dev.migration.op.ColumnType;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

/** MySQL and MariaDB: {@code information_schema}, one query per kind of object. */
final class MysqlCatalog {

	private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA "
			+ "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";

	// MariaDB stores JSON as LONGTEXT with a json_valid() check named after the column
	private static final String JSON_CHECKS = "SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS "
			+ "WHERE CONSTRAINT_SCHEMA = ? AND CHECK_CLAUSE LIKE 'json_valid(%'";

	private static final String KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, c.CONSTRAINT_TYPE, k.COLUMN_NAME, "
			+ "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE "
			+ "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.TABLE_CONSTRAINTS c "
			+ "ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME "
			+ "AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
			+ "LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
			+ "AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
			+ "WHERE k.TABLE_SCHEMA = ? ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

	private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME "
			+ "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

	private static final Pattern DISPLAY_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");

	private MysqlCatalog() {
	}

	/**
	 * The portable type when it writes back exactly as the server reported it, else the
	 * server's own type as a raw one: {@code uuid}, {@code tinytext}, {@code mediumtext},
	 * {@code bit(1)} and {@code timestamp(6)} stay what they are instead of collapsing
	 * into {@code CHAR(36)}, {@code LONGTEXT}, {@code BOOLEAN} or {@code DATETIME(6)}.
	 */
	static ColumnType exact(String reported) {
		ColumnType portable = ColumnType.parse(reported);
		String server = comparable(reported);
		if (comparable(portable.toSql(Dialect.MYSQL)).equals(server)) {
			return portable;
		}
		return ColumnType.raw(server.equals("tinyint(1)") ? server : DISPLAY_WIDTH.matcher(server).replaceAll("$1"));
	}

	private static String comparable(String type) {
		String text = type.toLowerCase(Locale.ROOT).replaceAll(",\\s+", ",").strip();
		if (!text.equals("tinyint(1)")) {
			text = DISPLAY_WIDTH.matcher(text).replaceAll("$1");
		}
		return switch (text) {
			case "integer" -> "int";
			case "boolean" -> "tinyint(1)";
			default -> text;
		};
	}

	static List<TableDefinition> read(Connection connection, String schema, Set<String> ignored) throws SQLException {
		TableBuilder tables = SchemaReader.tables(connection, schema, ignored, UnaryOperator.identity());
		Set<String> jsonColumns = new HashSet<>();
		try {
			SchemaReader.query(connection, JSON_CHECKS, schema,
					(rs) -> jsonColumns.add(rs.getString(1) + "." + rs.getString(2)));
		}
		catch (SQLException ex) {
			// MySQL's CHECK_CONSTRAINTS has no TABLE_NAME; it has a native JSON type
		}
		SchemaReader.query(connection, COLUMNS, schema, (rs) -> {
			String name = rs.getString(2);
			ColumnType type = jsonColumns.contains(rs.getString(1) + "." + name) ? ColumnType.json()
					: exact(rs.getString(3));
			String defaultValue = rs.getString(5);
			Column column = Column.of(name, type)
				.nullable("YES".equals(rs.getString(4)))
				.defaultValue("NULL".equalsIgnoreCase(defaultValue) ? null : Defaults.normalize(defaultValue));
			String extra = rs.getString(6);
			tables.column(rs.getString(1), (extra != null && extra.toLowerCase(Locale.ROOT).contains("auto_increment"))
					? column.asIdentity() : column);
		});
		Set<String> keyIndexes = new HashSet<>();
		SchemaReader.query(connection, KEYS, schema, (rs) -> {
			String table = rs.getString(1);
			String name = rs.getString(2);
			switch (rs.getString(3)) {
				case "PRIMARY KEY" -> tables.primaryKey(table, rs.getString(4));
				case "UNIQUE" -> tables.unique(table, name, rs.getString(4));
				case "FOREIGN KEY" ->
					tables.foreignKey(table, name, rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
				default -> {
				}
			}
			keyIndexes.add(table + "." + name);
		});
		// the indexes behind the primary key, unique constraints and foreign keys are not
		// indexes of their own
		SchemaReader.query(connection, INDEXES, schema, (rs) -> {
			if (!keyIndexes.contains(rs.getString(1) + "." + rs.getString(2)) && !"PRIMARY".equals(rs.getString(2))) {
				tables.index(rs.getString(1), rs.getString(2), rs.getInt(3) == 0, rs.getString(4));
			}
		});
		return tables.build();
	}

}
