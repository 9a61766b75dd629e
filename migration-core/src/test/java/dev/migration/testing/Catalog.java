package dev.migration.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database's catalogue as plain text read through JDBC metadata only, one line per
 * table, column, primary key, index and foreign key, names lower case and sorted: what
 * tests compare to tell that two schemas are the same.
 */
public final class Catalog {

	private Catalog() {
	}

	/** Every line for every table except the engine's own migration tables. */
	public static List<String> of(TestDatabase database) {
		List<String> lines = new ArrayList<>();
		for (String table : database.tables()) {
			if (!table.startsWith("migration_")) {
				lines.addAll(of(database, table));
			}
		}
		return lines;
	}

	/** The lines of one table. */
	public static List<String> of(TestDatabase database, String table) {
		try (Connection connection = database.connect()) {
			DatabaseMetaData meta = connection.getMetaData();
			String catalog = (database.kind() == DatabaseKind.MARIADB) ? database.name() : null;
			String schema = switch (database.kind()) {
				case POSTGRESQL -> database.name();
				case H2 -> "PUBLIC";
				default -> null;
			};
			String name = (database.kind() == DatabaseKind.H2 && table.equals(table.toLowerCase(Locale.ROOT)))
					? table.toUpperCase(Locale.ROOT) : table;
			Map<String, String> lines = new TreeMap<>();
			try (ResultSet rs = meta.getColumns(catalog, schema, name, "%")) {
				while (rs.next()) {
					String column = lower(rs.getString("COLUMN_NAME"));
					lines.put(table + " column " + column,
							table + " column " + column + " " + lower(rs.getString("TYPE_NAME")) + size(rs)
									+ ("NO".equals(rs.getString("IS_NULLABLE")) ? " not null" : ""));
				}
			}
			List<String> pk = new ArrayList<>();
			try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, name)) {
				Map<Integer, String> ordered = new TreeMap<>();
				while (rs.next()) {
					ordered.put(rs.getInt("KEY_SEQ"), lower(rs.getString("COLUMN_NAME")));
				}
				pk.addAll(ordered.values());
			}
			if (!pk.isEmpty()) {
				lines.put(table + " primary key", table + " primary key " + pk);
			}
			Map<String, List<String>> indexes = new TreeMap<>();
			Map<String, Boolean> unique = new TreeMap<>();
			try (ResultSet rs = meta.getIndexInfo(catalog, schema, name, false, false)) {
				while (rs.next()) {
					String index = rs.getString("INDEX_NAME");
					if (index == null || rs.getString("COLUMN_NAME") == null) {
						continue;
					}
					index = lower(index);
					indexes.computeIfAbsent(index, (key) -> new ArrayList<>()).add(lower(rs.getString("COLUMN_NAME")));
					unique.put(index, !rs.getBoolean("NON_UNIQUE"));
				}
			}
			indexes.forEach((index, columns) -> {
				if (columns.equals(pk) && unique.get(index)) {
					return; // the primary key's own index, named differently everywhere
				}
				String kind = unique.get(index) ? " unique index " : " index ";
				// unnamed unique constraints get generated names: compare by columns
				lines.put(table + kind + columns, table + kind + columns);
			});
			try (ResultSet rs = meta.getImportedKeys(catalog, schema, name)) {
				Map<String, String> keys = new TreeMap<>();
				while (rs.next()) {
					String key = lower(rs.getString("PKTABLE_NAME")) + "(" + lower(rs.getString("PKCOLUMN_NAME")) + ")";
					String from = lower(rs.getString("FKCOLUMN_NAME"));
					keys.merge(String.valueOf(rs.getString("FK_NAME")) + rs.getInt("KEY_SEQ"), from + " -> " + key,
							String::concat);
				}
				keys.values().forEach((key) -> lines.put(table + " foreign key " + key, table + " foreign key " + key));
			}
			return new ArrayList<>(lines.values());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String size(ResultSet rs) throws SQLException {
		String type = lower(rs.getString("TYPE_NAME"));
		if (type.contains("char") || type.contains("binary") && !type.contains("large")) {
			return "(" + rs.getInt("COLUMN_SIZE") + ")";
		}
		if (type.contains("numeric") || type.contains("decimal")) {
			return "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS") + ")";
		}
		return "";
	}

	private static String lower(String name) {
		return (name != null) ? name.toLowerCase(Locale.ROOT) : "";
	}

}
