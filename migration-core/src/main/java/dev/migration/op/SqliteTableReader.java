package dev.migration.op;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migration.MigrationException;

/**
 * Reads one SQLite table into a {@link TableDefinition}: columns, keys and indexes from
 * the {@code PRAGMA}s, and what they omit (constraint names, checks,
 * {@code AUTOINCREMENT}) from the table's {@code CREATE TABLE} text.
 */
final class SqliteTableReader {

	private static final Pattern NAMED = Pattern.compile(
			"CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\w+)\\s+(UNIQUE|FOREIGN\\s+KEY)\\s*\\(([^)]*)\\)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CHECK = Pattern
		.compile("(?:CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`[^`]+`|\\w+)\\s+)?CHECK\\s*\\(", Pattern.CASE_INSENSITIVE);

	private SqliteTableReader() {
	}

	static TableDefinition read(Connection connection, String table) {
		try {
			String sql = tableSql(connection, table);
			boolean autoincrement = sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
			Map<String, String> names = constraintNames(sql);
			List<Column> columns = new ArrayList<>();
			Map<Integer, String> pk = new TreeMap<>();
			try (ResultSet rs = query(connection,
					"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", table)) {
				while (rs.next()) {
					Column column = Column.of(rs.getString(1), ColumnType.parse(rs.getString(2)))
						.nullable(rs.getInt(3) == 0)
						.defaultValue(rs.getString(4));
					if (rs.getInt(5) > 0) {
						pk.put(rs.getInt(5), column.name());
						column = column.asPrimaryKey();
					}
					columns.add(column);
				}
			}
			if (autoincrement && pk.size() == 1) {
				columns.replaceAll((column) -> column.primaryKey() ? column.asIdentity() : column);
			}
			CreateTable definition = new CreateTable(table, columns, List.of(), List.of(), checks(sql));
			for (ForeignKey key : foreignKeys(connection, table, names)) {
				definition = definition.withForeignKey(key);
			}
			List<CreateIndex> indexes = new ArrayList<>();
			try (ResultSet rs = query(connection,
					"SELECT name, \"unique\", origin FROM pragma_index_list(?) ORDER BY seq", table)) {
				List<String[]> list = new ArrayList<>();
				while (rs.next()) {
					list.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3) });
				}
				for (String[] index : list) {
					List<String> indexColumns = indexColumns(connection, index[0]);
					if ("u".equals(index[2])) {
						definition = definition.withUnique(
								new UniqueKey(names.get("U:" + String.join(",", indexColumns).toLowerCase(Locale.ROOT)),
										indexColumns));
					}
					else if ("c".equals(index[2])) {
						indexes.add(new CreateIndex(index[0], table, indexColumns, "1".equals(index[1]), false));
					}
				}
			}
			return new TableDefinition(definition, indexes);
		}
		catch (SQLException ex) {
			throw new MigrationException(
					"Cannot read SQLite table " + table + " for a batch rebuild: " + ex.getMessage(), ex);
		}
	}

	private static ResultSet query(Connection connection, String sql, String arg) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		statement.closeOnCompletion();
		statement.setString(1, arg);
		return statement.executeQuery();
	}

	private static String tableSql(Connection connection, String table) throws SQLException {
		try (ResultSet rs = query(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
				table)) {
			if (!rs.next()) {
				throw new MigrationException("Cannot rebuild SQLite table " + table
						+ ": no such table; check the name (SQLite table names are case sensitive here)");
			}
			return rs.getString(1);
		}
	}

	private static List<String> indexColumns(Connection connection, String index) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (ResultSet rs = query(connection, "SELECT name FROM pragma_index_info(?) ORDER BY seqno", index)) {
			while (rs.next()) {
				columns.add(rs.getString(1));
			}
		}
		return columns;
	}

	private static List<ForeignKey> foreignKeys(Connection connection, String table, Map<String, String> names)
			throws SQLException {
		Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
		try (ResultSet rs = query(connection,
				"SELECT id, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq",
				table)) {
			while (rs.next()) {
				byId.computeIfAbsent(rs.getInt(1), (id) -> new ArrayList<>())
					.add(new String[] { rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) });
			}
		}
		List<ForeignKey> keys = new ArrayList<>();
		for (List<String[]> parts : byId.values()) {
			List<String> from = parts.stream().map((part) -> part[1]).toList();
			List<String> to = parts.stream().map((part) -> part[2]).toList();
			String onDelete = parts.get(0)[3];
			keys.add(new ForeignKey(names.get("F:" + String.join(",", from).toLowerCase(Locale.ROOT)), from,
					parts.get(0)[0], to, "NO ACTION".equalsIgnoreCase(onDelete) ? null : onDelete));
		}
		// PRAGMA lists foreign keys last-declared first
		Collections.reverse(keys);
		return keys;
	}

	private static Map<String, String> constraintNames(String sql) {
		Map<String, String> names = new LinkedHashMap<>();
		Matcher matcher = NAMED.matcher(sql);
		while (matcher.find()) {
			String kind = matcher.group(2).toUpperCase(Locale.ROOT).startsWith("U") ? "U:" : "F:";
			String columns = String.join(",",
					List.of(matcher.group(3).split(","))
						.stream()
						.map(String::trim)
						.map(SqliteTableReader::unquote)
						.toList());
			names.put(kind + columns.toLowerCase(Locale.ROOT), unquote(matcher.group(1)));
		}
		return names;
	}

	private static List<CheckConstraint> checks(String sql) {
		List<CheckConstraint> checks = new ArrayList<>();
		Matcher matcher = CHECK.matcher(sql);
		while (matcher.find()) {
			int depth = 1;
			int i = matcher.end();
			boolean quoted = false;
			for (; i < sql.length() && depth > 0; i++) {
				char c = sql.charAt(i);
				if (c == '\'') {
					quoted = !quoted;
				}
				else if (!quoted && c == '(') {
					depth++;
				}
				else if (!quoted && c == ')') {
					depth--;
				}
			}
			String name = (matcher.group(1) != null) ? unquote(matcher.group(1)) : null;
			checks.add(new CheckConstraint(name, sql.substring(matcher.end(), i - 1).trim()));
		}
		return checks;
	}

	static String unquote(String name) {
		if (name.length() > 1 && (name.startsWith("\"") || name.startsWith("`"))) {
			return name.substring(1, name.length() - 1).replace("\"\"", "\"");
		}
		return name;
	}

}
