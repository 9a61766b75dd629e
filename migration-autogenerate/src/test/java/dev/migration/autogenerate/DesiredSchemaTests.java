package dev.migration.autogenerate;

import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.MigrationException;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desired schema from a {@code schema.sql}, run into a scratch database. */
class DesiredSchemaTests {

	static final String SCHEMA = """
			-- the desired state, as a team without JPA keeps it
			CREATE TABLE owner (
			    id BIGINT NOT NULL PRIMARY KEY,
			    email VARCHAR(120) NOT NULL,
			    active BOOLEAN,
			    score NUMERIC(10, 2) DEFAULT 0,
			    created TIMESTAMP,
			    CONSTRAINT uq_owner_email UNIQUE (email)
			);
			CREATE INDEX ix_owner_created ON owner (created);
			CREATE TABLE pet (
			    id BIGINT NOT NULL PRIMARY KEY,
			    owner_id BIGINT NOT NULL,
			    name VARCHAR(50),
			    notes TEXT,
			    CONSTRAINT fk_pet_owner FOREIGN KEY (owner_id) REFERENCES owner (id)
			);
			""";

	@ParameterizedTest
	@MethodSource("dev.migration.testing.TestDatabase#kinds")
	void schemaSqlGivesTheSameModelAsTheOperations(DatabaseKind kind) throws Exception {
		String schema = (kind == DatabaseKind.H2) ? SCHEMA.replace("TEXT", "CHARACTER LARGE OBJECT")
				: (kind == DatabaseKind.MARIADB)
						? SCHEMA.replace("TEXT", "LONGTEXT").replace("TIMESTAMP", "DATETIME(6)") : SCHEMA;
		try (TestDatabase db = TestDatabase.create(kind); Connection connection = db.connect()) {
			SchemaModel desired = DesiredSchema.fromSql(schema, "schema.sql", kind.dialect(), connection);
			assertThat(desired.tableNames()).containsExactly("owner", "pet");
			SchemaModel expected = new SchemaModel(java.util.List
				.of(new dev.migration.op.TableDefinition(SchemaDiffTests.OWNER.table()
					.withColumns(SchemaDiffTests.OWNER.table()
						.columns()
						.stream()
						.map((column) -> column.primaryKey()
								? dev.migration.op.Column.of("id", dev.migration.op.ColumnType.bigint()).asPrimaryKey()
								: column)
						.toList()), SchemaDiffTests.OWNER.indexes()), SchemaDiffTests.PET));
			assertThat(SchemaComparator.compare(expected, desired, kind.dialect()).describe()).isEmpty();
			assertThat(db.tables()).isEmpty();
		}
	}

	@Test
	void aBrokenSchemaSqlNamesTheStatement() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.H2); Connection connection = db.connect()) {
			assertThatThrownBy(() -> DesiredSchema.fromSql("CREATE TABLE a (id BIGINT);\nCREATE TABLE a (id BIGINT);",
					"db/schema.sql", Dialect.H2, connection))
				.isInstanceOf(MigrationException.class)
				.hasMessageStartingWith("The desired schema from db/schema.sql does not run on a scratch database: ")
				.hasMessageEndingWith("\nstatement: CREATE TABLE a (id BIGINT)\nfix the statement in db/schema.sql");
		}
	}

}
