package dev.migration.op;

import dev.migration.sql.Dialect;

/** Renders the portable {@link ColumnType}s per dialect. */
final class TypeRenderer {

	private TypeRenderer() {
	}

	static String render(ColumnType type, Dialect dialect) {
		return switch (type.kind()) {
			case SMALLINT -> "SMALLINT";
			case INTEGER -> "INTEGER";
			case BIGINT -> "BIGINT";
			case REAL -> (dialect == Dialect.MYSQL) ? "FLOAT" : "REAL";
			case DOUBLE -> (dialect == Dialect.MYSQL) ? "DOUBLE" : "DOUBLE PRECISION";
			case STRING -> "VARCHAR(" + length(type, 255) + ")";
			case CHAR -> "CHAR(" + length(type, 1) + ")";
			case TEXT -> switch (dialect) {
				case H2 -> "CHARACTER LARGE OBJECT";
				case MYSQL -> "LONGTEXT";
				default -> "TEXT";
			};
			case BOOLEAN -> "BOOLEAN";
			case NUMERIC ->
				((dialect == Dialect.MYSQL) ? "DECIMAL(" : "NUMERIC(") + type.precision() + ", " + type.scale() + ")";
			case DATE -> "DATE";
			case TIME -> (dialect == Dialect.MYSQL) ? "TIME(6)" : "TIME";
			case TIMESTAMP -> (dialect == Dialect.MYSQL) ? "DATETIME(6)" : "TIMESTAMP";
			case TIMESTAMP_TZ -> switch (dialect) {
				case MYSQL -> "DATETIME(6)";
				case SQLITE -> "TIMESTAMP";
				default -> "TIMESTAMP WITH TIME ZONE";
			};
			case UUID -> switch (dialect) {
				case POSTGRESQL, H2 -> "UUID";
				default -> "CHAR(36)";
			};
			case JSON -> switch (dialect) {
				case POSTGRESQL -> "JSONB";
				case SQLITE -> "TEXT";
				default -> "JSON";
			};
			case BINARY -> binary(type, dialect);
			case ENUM -> switch (dialect) {
				case MYSQL, H2 ->
					"ENUM(" + String.join(", ", type.values().stream().map(Literals::string).toList()) + ")";
				default -> "VARCHAR(" + type.values().stream().mapToInt(String::length).max().orElse(1) + ")";
			};
			case RAW -> type.raw();
		};
	}

	private static String binary(ColumnType type, Dialect dialect) {
		if (type.length() == null) {
			return switch (dialect) {
				case POSTGRESQL -> "BYTEA";
				case MYSQL -> "LONGBLOB";
				case H2 -> "BINARY LARGE OBJECT";
				case SQLITE -> "BLOB";
			};
		}
		return switch (dialect) {
			case POSTGRESQL -> "BYTEA";
			case SQLITE -> "BLOB";
			default -> "VARBINARY(" + type.length() + ")";
		};
	}

	private static int length(ColumnType type, int fallback) {
		return (type.length() != null) ? type.length() : fallback;
	}

	/**
	 * The check that stands in for an enum where the dialect has no native enum, or
	 * {@code null}.
	 */
	static String enumCheck(String column, ColumnType type, Dialect dialect) {
		if (type.kind() != ColumnType.Kind.ENUM || dialect == Dialect.MYSQL || dialect == Dialect.H2) {
			return null;
		}
		return Identifiers.quote(column, dialect) + " IN ("
				+ String.join(", ", type.values().stream().map(Literals::string).toList()) + ")";
	}

}
