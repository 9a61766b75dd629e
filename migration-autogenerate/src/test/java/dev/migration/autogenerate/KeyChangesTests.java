package dev.migration.autogenerate;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.op.Column;
import dev.migration.op.ColumnType;
import dev.migration.op.CreateTable;
import dev.migration.op.ForeignKey;
import dev.migration.op.Operation;
import dev.migration.op.TableDefinition;
import dev.migration.sql.Dialect;

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
