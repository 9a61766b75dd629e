package dev.migration.op;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A column definition. Start with {@link #of(String, ColumnType)} (nullable, no default)
 * and refine with the {@code with}-style methods, for example
 * {@code Column.of("id", ColumnType.bigint()).asPrimaryKey().asIdentity()}.
 *
 * @param name the column name
 * @param type the portable type
 * @param nullable whether {@code NULL} is allowed
 * @param defaultValue the server default as an SQL expression ({@code 0}, {@code 'new'},
 * {@code CURRENT_TIMESTAMP}), {@code null} for none
 * @param primaryKey whether the column is (part of) the primary key
 * @param identity whether the database generates values (identity / auto increment)
 */
public record Column(String name, ColumnType type, boolean nullable, @Nullable String defaultValue, boolean primaryKey,
		boolean identity) {

	public Column {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		if (primaryKey) {
			nullable = false;
		}
	}

	public static Column of(String name, ColumnType type) {
		return new Column(name, type, true, null, false, false);
	}

	public Column notNull() {
		return new Column(this.name, this.type, false, this.defaultValue, this.primaryKey, this.identity);
	}

	public Column nullable(boolean nullable) {
		return new Column(this.name, this.type, nullable, this.defaultValue, this.primaryKey, this.identity);
	}

	public Column defaultValue(@Nullable String sql) {
		return new Column(this.name, this.type, this.nullable, sql, this.primaryKey, this.identity);
	}

	public Column asPrimaryKey() {
		return new Column(this.name, this.type, false, this.defaultValue, true, this.identity);
	}

	public Column asIdentity() {
		return new Column(this.name, this.type, false, this.defaultValue, this.primaryKey, true);
	}

	public Column withName(String name) {
		return new Column(name, this.type, this.nullable, this.defaultValue, this.primaryKey, this.identity);
	}

	public Column withType(ColumnType type) {
		return new Column(this.name, type, this.nullable, this.defaultValue, this.primaryKey, this.identity);
	}

}
