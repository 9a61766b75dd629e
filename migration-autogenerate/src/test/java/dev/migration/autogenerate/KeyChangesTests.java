package dev.migration.autogenerate;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migration.op.Column;
import dev.migration.op.ColumnType;
import dev.migration.op.CreateTable;
import dev.migration.op.ForeignKey;
import dev.migration.op.Operation;
import dev.migration.op.Operations;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order around a primary key change, and the keys left to the reviewer (the round
 * trips on real databases are in {@link ModelSeriesTests}).
 */
class KeyChangesTests {

	@Test
	void foreignKeysAreDroppedBeforeAndCreatedAfterTheKeyBothWays() {
		SchemaModel live = model(false);
		SchemaModel desired = model(true);
		SchemaDiff diff = SchemaComparator.compare(desired, live, Dialect.H2);
		assertThat(diff.warnings()).isEmpty();
		assertThat(sql(diff.upgrade())).containsExactly("ALTER TABLE pet DROP CONSTRAINT fk_pet_tag",
				"ALTER TABLE tag DROP PRIMARY KEY", "ALTER TABLE tag ADD PRIMARY KEY (num)",
				"ALTER TABLE pet ADD CONSTRAINT fk_pet_tag FOREIGN KEY (tag_code) REFERENCES tag (code)");
		assertThat(sql(diff.downgrade())).containsExactly("ALTER TABLE pet DROP CONSTRAINT fk_pet_tag",
				"ALTER TABLE tag DROP PRIMARY KEY", "ALTER TABLE tag ADD PRIMARY KEY (code)",
				"ALTER TABLE pet ADD CONSTRAINT fk_pet_tag FOREIGN KEY (tag_code) REFERENCES tag (code)");
	}

	@Test
	void aKeyWithAnIdentityColumnOrOnSqliteIsLeftToTheReviewer() {
		SchemaDiff sqlite = SchemaComparator.compare(model(true), model(false), Dialect.SQLITE);
		assertThat(sqlite.changes()).isEmpty();
		assertThat(sqlite.warnings()).singleElement()
			.asString()
			.contains("SQLite cannot change a primary key in place");
		SchemaModel identity = new SchemaModel(
				List.of(new TableDefinition(CreateTable.of("tag", Column.of("code", ColumnType.string(20)).notNull(),
						Column.of("num", ColumnType.bigint()).asPrimaryKey().asIdentity()), List.of())));
		SchemaModel live = new SchemaModel(List
			.of(new TableDefinition(CreateTable.of("tag", Column.of("code", ColumnType.string(20)).asPrimaryKey(),
					Column.of("num", ColumnType.bigint()).notNull().asIdentity()), List.of())));
		SchemaDiff diff = SchemaComparator.compare(identity, live, Dialect.MYSQL);
		assertThat(diff.warnings()).singleElement().asString().contains("change it by hand");
		assertThat(sql(diff.upgrade())).noneMatch((sql) -> sql.contains("PRIMARY KEY"));
	}

	@Test
	void aPostgresqlKeyNotNamedAfterItsTableIsDroppedByItsNameAndRestoredWithIt() {
		SchemaModel live = model(false).withPrimaryKeyNames(Map.of("tag", "tag_by_other_tool"));
		SchemaDiff diff = SchemaComparator.compare(model(true), live, Dialect.POSTGRESQL);
		assertThat(diff.upgrade()).extracting(Describer::describe)
			.contains("ALTER TABLE tag DROP CONSTRAINT tag_by_other_tool",
					"ALTER TABLE tag ADD CONSTRAINT tag_pkey PRIMARY KEY (num)");
		assertThat(diff.downgrade()).extracting(Describer::describe)
			.contains("ALTER TABLE tag DROP CONSTRAINT tag_pkey",
					"ALTER TABLE tag ADD CONSTRAINT tag_by_other_tool PRIMARY KEY (code)");
	}

	@Test
	void aPostgresqlKeyNamedByAnotherToolChangesAndComesBackByItsName() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection connection = db.connect()) {
			db.execute(
					"CREATE TABLE tag_k (code VARCHAR(20) NOT NULL, num BIGINT NOT NULL, "
							+ "CONSTRAINT tag_k_by_other_tool PRIMARY KEY (code))",
					"CREATE TABLE pet_k (id BIGINT PRIMARY KEY, tag_code VARCHAR(20), "
							+ "CONSTRAINT fk_pet_k_tag FOREIGN KEY (tag_code) REFERENCES tag_k (code))",
					"INSERT INTO tag_k VALUES ('old', 7)", "INSERT INTO pet_k VALUES (1, 'old')");
			SchemaModel desired = DesiredSchema.fromSql("""
					CREATE TABLE tag_k (code VARCHAR(20) NOT NULL, num BIGINT NOT NULL PRIMARY KEY,
					    CONSTRAINT uq_tag_k_code UNIQUE (code));
					CREATE TABLE pet_k (id BIGINT PRIMARY KEY, tag_code VARCHAR(20),
					    CONSTRAINT fk_pet_k_tag FOREIGN KEY (tag_code) REFERENCES tag_k (code));
					""", "schema.sql", db.dialect(), connection);
			List<String> before = ModelSeriesTests.snapshot(db, connection);
			SchemaModel live = SchemaDiffTests.read(db, connection);
			assertThat(live.primaryKeyNames()).containsEntry("tag_k", "tag_k_by_other_tool");
			SchemaDiff diff = SchemaComparator.compare(desired, live, db.dialect());
			Operations op = new JdbcContext(db.dialect(), connection).op();
			diff.upgrade().forEach(op::run);
			assertThat(HibernateOracleTests.differences(db, connection, desired)).isEmpty();
			assertThat(SchemaDiffTests.read(db, connection).primaryKeyNames()).containsEntry("tag_k", "tag_k_pkey");
			diff.downgrade().forEach(op::run);
			assertThat(SchemaDiffTests.read(db, connection).primaryKeyNames()).containsEntry("tag_k",
					"tag_k_by_other_tool");
			assertThat(ModelSeriesTests.snapshot(db, connection)).isEqualTo(before);
			assertThat(db.query("SELECT p.id, t.num FROM pet_k p JOIN tag_k t ON t.code = p.tag_code"))
				.containsExactly(List.of("1", "7"));
		}
	}

	/** tag keyed by code (or by num), pet referencing tag.code. */
	private static SchemaModel model(boolean byNumber) {
		Column code = Column.of("code", ColumnType.string(20)).notNull();
		Column number = Column.of("num", ColumnType.bigint()).notNull();
		CreateTable tag = CreateTable.of("tag", byNumber ? code : code.asPrimaryKey(),
				byNumber ? number.asPrimaryKey() : number);
		CreateTable pet = CreateTable
			.of("pet", Column.of("id", ColumnType.bigint()).asPrimaryKey(),
					Column.of("tag_code", ColumnType.string(20)))
			.withForeignKey(ForeignKey.of("fk_pet_tag", "tag_code", "tag", "code"));
		return new SchemaModel(List.of(new TableDefinition(tag, List.of()), new TableDefinition(pet, List.of())));
	}

	private static List<String> sql(List<Operation> operations) {
		return operations.stream().flatMap((operation) -> operation.toSql(Dialect.H2).stream()).toList();
	}

}
