package dev.migration.op;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a type as a database reports it ({@code character varying(100)}, {@code int4},
 * {@code DATETIME(6)}, {@code enum('a','b')}) back to a portable {@link ColumnType};
 * anything unknown becomes {@link ColumnType#raw(String)}.
 */
final class TypeParser {

	private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9_ ]*?)\\s*\\((.*)\\)\\s*([a-z ]*)",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_ ]*", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENUM_VALUE = Pattern.compile("'((?:[^']|'')*)'");

	private TypeParser() {
	}

	static ColumnType parse(String sql) {
		Matcher matcher = TYPE.matcher(sql.trim());
		String name;
		String args = null;
		String suffix = "";
		if (matcher.matches()) {
			name = matcher.group(1).trim().toLowerCase(Locale.ROOT);
			args = matcher.group(2);
			suffix = matcher.group(3).trim().toLowerCase(Locale.ROOT);
		}
		else if (NAME.matcher(sql.trim()).matches()) {
			name = sql.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		}
		else {
			return ColumnType.raw(sql.trim());
		}
		if (!suffix.isEmpty()) {
			name = name + " " + suffix;
		}
		name = name.replace(" unsigned", "");
		return switch (name) {
			case "smallint", "int2", "tinyint" ->
				("tinyint".equals(name) && "1".equals(args)) ? ColumnType.bool() : ColumnType.smallint();
			case "integer", "int", "int4", "mediumint", "serial" -> ColumnType.integer();
			case "bigint", "int8", "bigserial" -> ColumnType.bigint();
			case "real", "float4", "float" -> ColumnType.real();
			case "double", "double precision", "float8" -> ColumnType.doublePrecision();
			case "varchar", "character varying", "nvarchar", "varchar2", "varchar_ignorecase" ->
				(args != null) ? ColumnType.string(firstInt(args)) : ColumnType.text();
			case "char", "character", "bpchar", "nchar" -> ColumnType.fixedString((args != null) ? firstInt(args) : 1);
			case "text", "clob", "character large object", "longtext", "mediumtext", "tinytext" -> ColumnType.text();
			case "boolean", "bool" -> ColumnType.bool();
			case "bit" -> ("1".equals(args) || args == null) ? ColumnType.bool() : ColumnType.raw(sql.trim());
			case "numeric", "decimal", "number" -> numeric(args);
			case "date" -> ColumnType.date();
			case "time", "time without time zone" -> ColumnType.time();
			case "timestamp", "timestamp without time zone", "datetime" -> ColumnType.timestamp();
			case "timestamp with time zone", "timestamptz" -> ColumnType.timestampWithTimeZone();
			case "uuid" -> ColumnType.uuid();
			case "json", "jsonb" -> ColumnType.json();
			case "bytea", "blob", "longblob", "mediumblob", "binary large object" -> ColumnType.blob();
			case "varbinary", "binary varying" ->
				(args != null) ? ColumnType.binary(firstInt(args)) : ColumnType.blob();
			case "enum" -> (args != null) ? ColumnType.enumOf(enumValues(args).toArray(String[]::new))
					: ColumnType.raw(sql.trim());
			default -> ColumnType.raw(sql.trim());
		};
	}

	private static ColumnType numeric(String args) {
		if (args == null) {
			return ColumnType.numeric(38, 0);
		}
		String[] parts = args.split(",");
		int precision = Integer.parseInt(parts[0].trim());
		int scale = (parts.length > 1) ? Integer.parseInt(parts[1].trim()) : 0;
		return ColumnType.numeric(precision, scale);
	}

	private static int firstInt(String args) {
		String first = args.split(",")[0].trim();
		int space = first.indexOf(' ');
		return Integer.parseInt((space > 0) ? first.substring(0, space) : first);
	}

	private static List<String> enumValues(String args) {
		List<String> values = new ArrayList<>();
		Matcher matcher = ENUM_VALUE.matcher(args);
		while (matcher.find()) {
			values.add(matcher.group(1).replace("''", "'"));
		}
		return values;
	}

}
