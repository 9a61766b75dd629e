package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.migration.op.Column;
import dev.migration.op.ColumnType;
import dev.migration.op.TableDefinition;

/**
 * H2 2.x: {@code INFORMATION_SCHEMA}, one query per kind of object. Names H2 folded to
 * upper case are read back in lower case, as they were written.
 */
final class H2Catalog {

	private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
			+ "NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE, COLUMN_DEFAULT, IS_IDENTITY, DTD_IDENTIFIER "
			+ "FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";

	private static final String ENUMS = "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES "
			+ "WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE' ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL";

	private static final String KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, c.CONSTRAINT_TYPE, k.COLUMN_NAME, "
			+ "u.TABLE_NAME, u.COLUMN_NAME, r.DELETE_RULE, c.INDEX_NAME "
			+ "FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE k JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS c "
			+ "ON c.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
			+ "LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA "
			+ "AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
			+ "LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE u ON u.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA "
			+ "AND u.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME AND u.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT "
			+ "WHERE k.TABLE_SCHEMA = ? ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";

	private static final String CONSTRAINT_INDEXES = "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
			+ "WHERE CONSTRAINT_SCHEMA = ? AND INDEX_NAME IS NOT NULL";

	private static final String INDEXES = "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME "
			+ "FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c "
			+ "ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME "
			+ "WHERE i.INDEX_SCHEMA = ? ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION";

	private H2Catalog() {
	}

	static List<TableDefinition> read(Connection connection, String schema, Set<String> ignored) throws SQLException {
		TableBuilder tables = SchemaReader.tables(connection, schema, ignored, H2Catalog::name);
		Map<String, List<String>> enums = new HashMap<>();
		SchemaReader.query(connection, ENUMS, schema,
				(rs) -> enums.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), (key) -> new ArrayList<>())
					.add(rs.getString(3)));
		SchemaReader.query(connection, COLUMNS, schema, (rs) -> {
			String dataType = rs.getString(3);
			String lower = dataType.toLowerCase(Locale.ROOT);
			ColumnType type;
			if ("enum".equals(lower)) {
				List<String> values = enums.getOrDefault(rs.getString(1) + "." + rs.getString(10), List.of("?"));
				type = ColumnType.enumOf(values.toArray(String[]::new));
			}
			else if (rs.getObject(4) != null && (lower.contains("varying") || "character".equals(lower))) {
				type = ColumnType.parse(dataType + "(" + rs.getLong(4) + ")");
			}
			else if (("numeric".equals(lower) || "decimal".equals(lower)) && rs.getObject(5) != null) {
				type = ColumnType.numeric(rs.getInt(5), rs.getInt(6));
			}
			else {
				type = ColumnType.parse(dataType);
			}
			Column column = Column.of(name(rs.getString(2)), type)
				.nullable("YES".equals(rs.getString(7)))
				.defaultValue(Defaults.normalize(rs.getString(8)));
			tables.column(name(rs.getString(1)), "YES".equals(rs.getString(9)) ? column.asIdentity() : column);
		});
		Set<String> constraintIndexes = new HashSet<>();
		SchemaReader.query(connection, CONSTRAINT_INDEXES, schema, (rs) -> constraintIndexes.add(rs.getString(1)));
		SchemaReader.query(connection, KEYS, schema, (rs) -> {
			String table = name(rs.getString(1));
			String constraint = name(rs.getString(2));
			switch (rs.getString(3)) {
				case "PRIMARY KEY" -> tables.primaryKey(table, name(rs.getString(4)));
				case "UNIQUE" -> tables.unique(table, constraint, name(rs.getString(4)));
				case "FOREIGN KEY" -> tables.foreignKey(table, constraint, name(rs.getString(4)), name(rs.getString(5)),
						name(rs.getString(6)), rs.getString(7));
				default -> {
				}
			}
		});
		SchemaReader.query(connection, INDEXES, schema, (rs) -> {
			if (!constraintIndexes.contains(rs.getString(2)) && !"PRIMARY KEY".equals(rs.getString(3))) {
				tables.index(name(rs.getString(1)), name(rs.getString(2)), "UNIQUE INDEX".equals(rs.getString(3)),
						name(rs.getString(4)));
			}
		});
		return tables.build();
	}

	/** Upper case names were (almost always) written unquoted in lower case. */
	static String name(String name) {
		return (name != null && name.equals(name.toUpperCase(Locale.ROOT))) ? name.toLowerCase(Locale.ROOT) : name;
	}

}
