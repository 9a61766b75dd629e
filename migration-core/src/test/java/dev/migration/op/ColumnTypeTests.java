package dev.migration.op;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.sql.Dialect;

import static org.assertj.core.api.Assertions.assertThat;

/** Portable types render per dialect and parse back from what databases report. */
class ColumnTypeTests {

	static final List<ColumnType> TYPES = List.of(ColumnType.smallint(), ColumnType.integer(), ColumnType.bigint(),
			ColumnType.real(), ColumnType.doublePrecision(), ColumnType.string(42), ColumnType.fixedString(3),
			ColumnType.text(), ColumnType.bool(), ColumnType.numeric(10, 2), ColumnType.date(), ColumnType.time(),
			ColumnType.timestamp(), ColumnType.timestampWithTimeZone(), ColumnType.uuid(), ColumnType.json(),
			ColumnType.binary(16), ColumnType.blob(), ColumnType.enumOf("new", "it's done"));

	@ParameterizedTest
	@EnumSource(Dialect.class)
	void everyTypeParsesBackFromItsOwnRendering(Dialect dialect) {
		for (ColumnType type : TYPES) {
			String sql = type.toSql(dialect);
			assertThat(ColumnType.parse(sql).toSql(dialect)).as(type + " on " + dialect).isEqualTo(sql);
		}
	}

	@Test
	void reportedTypeNamesMapToPortableTypes() {
		assertThat(ColumnType.parse("character varying(100)")).isEqualTo(ColumnType.string(100));
		assertThat(ColumnType.parse("int4")).isEqualTo(ColumnType.integer());
		assertThat(ColumnType.parse("bigint(20) unsigned")).isEqualTo(ColumnType.bigint());
		assertThat(ColumnType.parse("tinyint(1)")).isEqualTo(ColumnType.bool());
		assertThat(ColumnType.parse("DATETIME(6)")).isEqualTo(ColumnType.timestamp());
		assertThat(ColumnType.parse("timestamptz")).isEqualTo(ColumnType.timestampWithTimeZone());
		assertThat(ColumnType.parse("decimal(12,4)")).isEqualTo(ColumnType.numeric(12, 4));
		assertThat(ColumnType.parse("enum('A','B')")).isEqualTo(ColumnType.enumOf("A", "B"));
		assertThat(ColumnType.parse("CHARACTER LARGE OBJECT")).isEqualTo(ColumnType.text());
		assertThat(ColumnType.parse("geometry(Point,4326)")).isEqualTo(ColumnType.raw("geometry(Point,4326)"));
	}

	@Test
	void identifiersAreQuotedOnlyWhereNeeded() {
		assertThat(Identifiers.quote("users", Dialect.POSTGRESQL)).isEqualTo("users");
		assertThat(Identifiers.quote("user", Dialect.POSTGRESQL)).isEqualTo("\"user\"");
		assertThat(Identifiers.quote("order", Dialect.MYSQL)).isEqualTo("`order`");
		assertThat(Identifiers.quote("CamelCase", Dialect.H2)).isEqualTo("\"CamelCase\"");
		assertThat(Identifiers.quote("we\"ird", Dialect.SQLITE)).isEqualTo("\"we\"\"ird\"");
		assertThat(Identifiers.quote("back`tick", Dialect.MYSQL)).isEqualTo("`back``tick`");
		assertThat(Identifiers.quote("1st", Dialect.POSTGRESQL)).isEqualTo("\"1st\"");
	}

}
