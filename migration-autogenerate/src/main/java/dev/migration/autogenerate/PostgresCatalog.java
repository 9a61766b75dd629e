package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.migration.op.Column;
import dev.migration.op.ColumnType;
import dev.migration.op.TableDefinition;

/**
 * PostgreSQL: {@code information_schema.columns} and
 * {@code pg_constraint}/{@code pg_index}.
 */
final class PostgresCatalog {

	private static final String COLUMNS = "SELECT table_name, column_name, udt_name, character_maximum_length, "
			+ "numeric_precision, numeric_scale, is_nullable, column_default, is_identity "
			+ "FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position";

	private static final String CONSTRAINTS = "SELECT t.relname, c.conname, c.contype, a.attname, rt.relname, ra.attname, "
			+ "c.confdeltype FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
			+ "JOIN pg_namespace n ON n.oid = t.relnamespace "
			+ "CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) "
			+ "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum "
			+ "LEFT JOIN pg_class rt ON rt.oid = c.confrelid "
			+ "LEFT JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[k.ord] "
			+ "WHERE n.nspname = ? AND c.contype IN ('p', 'u', 'f') ORDER BY t.relname, c.conname, k.ord";

	private static final String INDEXES = "SELECT t.relname, i.relname, ix.indisunique, a.attname "
			+ "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
			+ "JOIN pg_namespace n ON n.oid = t.relnamespace "
			+ "CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) "
			+ "JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum "
			+ "WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid "
			+ "AND c.contype IN ('p', 'u', 'x')) ORDER BY t.relname, i.relname, k.ord";

	private static final String PRIMARY_KEYS = "SELECT t.relname, c.conname FROM pg_constraint c "
			+ "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
			+ "WHERE n.nspname = ? AND c.contype = 'p'";

	private PostgresCatalog() {
	}

	/**
	 * The names of the tables' primary keys: usually {@code
	 *
	<table>
	 * _pkey}, but not when another tool named it or the table was renamed after its key
	 * was made.
	 */
	static Map<String, String> primaryKeyNames(Connection connection, String schema, List<TableDefinition> tables)
			throws SQLException {
		Set<String> names = new HashSet<>();
		tables.forEach((table) -> names.add(table.name().toLowerCase(Locale.ROOT)));
		Map<String, String> keys = new HashMap<>();
		SchemaReader.query(connection, PRIMARY_KEYS, schema, (rs) -> {
			if (names.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
				keys.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
			}
		});
		return keys;
	}

	static List<TableDefinition> read(Connection connection, String schema, Set<String> ignored) throws SQLException {
		TableBuilder tables = SchemaReader.tables(connection, schema, ignored, UnaryOperator.identity());
		SchemaReader.query(connection, COLUMNS, schema, (rs) -> {
			String udt = rs.getString(3);
			String type = udt;
			if (rs.getObject(4) != null) {
				type = udt + "(" + rs.getInt(4) + ")";
			}
			else if ("numeric".equals(udt) && rs.getObject(5) != null) {
				type = "numeric(" + rs.getInt(5) + "," + rs.getInt(6) + ")";
			}
			String defaultValue = rs.getString(8);
			boolean serial = defaultValue != null && defaultValue.startsWith("nextval(");
			Column column = Column.of(rs.getString(2), ColumnType.parse(type))
				.nullable("YES".equals(rs.getString(7)))
				.defaultValue(serial ? null : Defaults.normalize(defaultValue));
			tables.column(rs.getString(1), (serial || "YES".equals(rs.getString(9))) ? column.asIdentity() : column);
		});
		SchemaReader.query(connection, CONSTRAINTS, schema, (rs) -> {
			String table = rs.getString(1);
			switch (rs.getString(3)) {
				case "p" -> tables.primaryKey(table, rs.getString(4));
				case "u" -> tables.unique(table, rs.getString(2), rs.getString(4));
				default -> tables.foreignKey(table, rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(6),
						onDelete(rs.getString(7)));
			}
		});
		SchemaReader.query(connection, INDEXES, schema,
				(rs) -> tables.index(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
		return tables.build();
	}

	private static String onDelete(String code) {
		return switch (code) {
			case "c" -> "CASCADE";
			case "n" -> "SET NULL";
			case "d" -> "SET DEFAULT";
			default -> null;
		};
	}

}
