package dev.migration.op;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.migration.sql.Dialect;

/**
 * A portable column type, rendered per dialect when an operation is turned into SQL.
 * Build with the static factories ({@link #bigint()}, {@link #string(int)},
 * {@link #numeric(int, int)}, ...). {@link #raw(String)} passes a database specific type
 * through unchanged.
 *
 * @param kind the portable kind
 * @param length the length of strings and binaries, {@code null} for none
 * @param precision the precision of numerics, {@code null} for none
 * @param scale the scale of numerics, {@code null} for none
 * @param values the allowed values of an enum, empty otherwise
 * @param raw the type text of a {@link Kind#RAW} type
 */
public record ColumnType(Kind kind, @Nullable Integer length, @Nullable Integer precision, @Nullable Integer scale,
		List<String> values, @Nullable String raw) {

	public ColumnType {
		Objects.requireNonNull(kind, "kind");
		values = List.copyOf(values);
		if (kind == Kind.RAW && (raw == null || raw.isBlank())) {
			throw new IllegalArgumentException("A raw column type needs its SQL text");
		}
		if (kind == Kind.ENUM && values.isEmpty()) {
			throw new IllegalArgumentException("An enum column type needs at least one value");
		}
	}

	private static ColumnType of(Kind kind) {
		return new ColumnType(kind, null, null, null, List.of(), null);
	}

	private static ColumnType sized(Kind kind, int length) {
		return new ColumnType(kind, length, null, null, List.of(), null);
	}

	public static ColumnType smallint() {
		return of(Kind.SMALLINT);
	}

	public static ColumnType integer() {
		return of(Kind.INTEGER);
	}

	public static ColumnType bigint() {
		return of(Kind.BIGINT);
	}

	public static ColumnType real() {
		return of(Kind.REAL);
	}

	public static ColumnType doublePrecision() {
		return of(Kind.DOUBLE);
	}

	public static ColumnType string(int length) {
		return sized(Kind.STRING, length);
	}

	/** A fixed length character string. */
	public static ColumnType fixedString(int length) {
		return sized(Kind.CHAR, length);
	}

	public static ColumnType text() {
		return of(Kind.TEXT);
	}

	public static ColumnType bool() {
		return of(Kind.BOOLEAN);
	}

	public static ColumnType numeric(int precision, int scale) {
		return new ColumnType(Kind.NUMERIC, null, precision, scale, List.of(), null);
	}

	public static ColumnType date() {
		return of(Kind.DATE);
	}

	public static ColumnType time() {
		return of(Kind.TIME);
	}

	/** A timestamp without time zone. */
	public static ColumnType timestamp() {
		return of(Kind.TIMESTAMP);
	}

	/** A timestamp with time zone (MySQL/MariaDB store it as {@code DATETIME(6)}). */
	public static ColumnType timestampWithTimeZone() {
		return of(Kind.TIMESTAMP_TZ);
	}

	public static ColumnType uuid() {
		return of(Kind.UUID);
	}

	public static ColumnType json() {
		return of(Kind.JSON);
	}

	/** A variable length binary string of at most {@code length} bytes. */
	public static ColumnType binary(int length) {
		return sized(Kind.BINARY, length);
	}

	/** A large binary object. */
	public static ColumnType blob() {
		return of(Kind.BINARY);
	}

	/**
	 * An enumeration: a native {@code ENUM} on MySQL/MariaDB and H2, a {@code VARCHAR}
	 * with a {@code CHECK} elsewhere.
	 */
	public static ColumnType enumOf(String... values) {
		return new ColumnType(Kind.ENUM, null, null, null, List.of(values), null);
	}

	/** A database specific type, rendered as given on every dialect. */
	public static ColumnType raw(String sql) {
		return new ColumnType(Kind.RAW, null, null, null, List.of(), sql);
	}

	/**
	 * The portable type for a type name as a database reports it
	 * ({@code character varying(100)}, {@code int4}, {@code DATETIME(6)}); unknown names
	 * become {@link #raw(String)} types.
	 * @param sql the type name
	 * @return the type
	 */
	public static ColumnType parse(String sql) {
		return TypeParser.parse(sql);
	}

	/**
	 * The type as the dialect writes it in DDL.
	 * @param dialect the dialect
	 * @return the SQL type
	 */
	public String toSql(Dialect dialect) {
		return TypeRenderer.render(this, dialect);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case STRING, CHAR, BINARY ->
				this.kind.name().toLowerCase(Locale.ROOT) + ((this.length != null) ? "(" + this.length + ")" : "");
			case NUMERIC -> "numeric(" + this.precision + "," + this.scale + ")";
			case ENUM -> "enum" + this.values;
			case RAW -> this.raw;
			default -> this.kind.name().toLowerCase(Locale.ROOT);
		};
	}

	/** The portable kinds. */
	public enum Kind {

		SMALLINT, INTEGER, BIGINT, REAL, DOUBLE, STRING, CHAR, TEXT, BOOLEAN, NUMERIC, DATE, TIME, TIMESTAMP,
		TIMESTAMP_TZ, UUID, JSON, BINARY, ENUM, RAW

	}

}
