package dev.migration.op;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.MigrationException;
import dev.migration.testing.Catalog;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestContext;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation executed on every database, checked through JDBC metadata.
 */
class OperationsDatabaseTests {

	static final CreateTable PARENT = CreateTable
		.of("parent", Column.of("id", ColumnType.bigint()).asPrimaryKey().asIdentity(),
				Column.of("code", ColumnType.string(20)).notNull())
		.withUnique(UniqueKey.of("uq_parent_code", "code"));

	static final CreateTable CHILD = CreateTable
		.of("child", Column.of("id", ColumnType.bigint()).asPrimaryKey(), Column.of("parent_id", ColumnType.bigint()),
				Column.of("qty", ColumnType.integer()).notNull().defaultValue("0"))
		.withForeignKey(ForeignKey.of("fk_child_parent", "parent_id", "parent", "id"))
		.withCheck(new CheckConstraint("ck_child_qty", "qty >= 0"));

	@EachDatabase
	void createTableCreatesColumnsKeysAndConstraints(TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable(PARENT);
		op.createTable(CHILD);
		db.execute("INSERT INTO parent (code) VALUES ('a')", "INSERT INTO child (id, parent_id) VALUES (1, 1)");
		assertThat(db.query("SELECT p.id, c.qty FROM parent p JOIN child c ON c.parent_id = p.id"))
			.containsExactly(List.of("1", "0"));
		assertThat(Catalog.of(db, "child")).contains("child primary key [id]",
				"child foreign key parent_id -> parent(id)");
		assertThat(Catalog.of(db, "parent")).contains("parent unique index [code]", "parent primary key [id]");
		assertThatThrownBy(() -> db.execute("INSERT INTO child (id, qty) VALUES (2, -1)"))
			.hasMessageContaining("Test database set-up failed");
	}

	@EachDatabase
	void everyPortableTypeHoldsAValue(DatabaseKind kind, TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable("all_types", Column.of("id", ColumnType.integer()).asPrimaryKey(),
				Column.of("s", ColumnType.smallint()), Column.of("b", ColumnType.bigint()),
				Column.of("r", ColumnType.real()), Column.of("d", ColumnType.doublePrecision()),
				Column.of("v", ColumnType.string(10)), Column.of("c", ColumnType.fixedString(3)),
				Column.of("t", ColumnType.text()), Column.of("f", ColumnType.bool()),
				Column.of("n", ColumnType.numeric(10, 2)), Column.of("dt", ColumnType.date()),
				Column.of("tm", ColumnType.time()), Column.of("ts", ColumnType.timestamp()),
				Column.of("tz", ColumnType.timestampWithTimeZone()), Column.of("u", ColumnType.uuid()),
				Column.of("j", ColumnType.json()), Column.of("bin", ColumnType.binary(16)),
				Column.of("lob", ColumnType.blob()), Column.of("e", ColumnType.enumOf("new", "done")));
		UUID uuid = UUID.fromString("0f9e8d7c-6b5a-4321-8765-1a2b3c4d5e6f");
		op.bulkInsert("all_types", List.of("id", "s", "b", "v", "c", "t", "f", "n", "dt", "ts", "u", "j", "bin", "e"),
				List.of(Arrays.asList(1, 7, 9_000_000_000L, "it's", "abc", "long\\text", true, 12.5,
						LocalDate.of(2026, 11, 25), LocalDateTime.of(2026, 11, 25, 12, 30), uuid, "{\"a\": 1}",
						new byte[] { 1, 2 }, "done")));
		assertThat(db.query("SELECT v, t, n, e FROM all_types"))
			.containsExactly(List.of("it's", "long\\text", (kind == DatabaseKind.SQLITE) ? "12.5" : "12.50", "done"));
		assertThat(db.query("SELECT id FROM all_types WHERE f = " + ((kind == DatabaseKind.SQLITE) ? "1" : "TRUE")))
			.hasSize(1);
		assertThatThrownBy(() -> db.execute("INSERT INTO all_types (id, e) VALUES (2, 'bad')"))
			.isInstanceOf(IllegalStateException.class);
	}

	@EachDatabase
	void addColumnAndDropColumnChangeTheTable(TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable(PARENT);
		op.addColumn("parent", Column.of("phone", ColumnType.string(30)));
		op.addColumn("parent", Column.of("active", ColumnType.bool()).notNull().defaultValue("TRUE"));
		assertThat(Catalog.of(db, "parent"))
			.anyMatch((line) -> line.startsWith("parent column phone") && line.endsWith("(30)"))
			.anyMatch((line) -> line.startsWith("parent column active") && line.endsWith("not null"));
		op.dropColumn("parent", "phone");
		op.dropColumn("parent", "code");
		assertThat(Catalog.of(db, "parent")).noneMatch((line) -> line.contains("phone") || line.contains("code"));
	}

	@EachDatabase
	void alterColumnChangesTypeNullabilityDefaultAndName(TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable(PARENT);
		op.createIndex("ix_parent_code", "parent", "code");
		db.execute("INSERT INTO parent (code) VALUES ('kept')");
		Column existing = Column.of("code", ColumnType.string(20)).notNull();
		op.alterColumn(AlterColumn.of("parent", "code")
			.type(ColumnType.string(200))
			.nullable(true)
			.defaultValue("'none'")
			.rename("label")
			.existing(existing));
		db.execute("INSERT INTO parent (id, label) VALUES (5, NULL)", "INSERT INTO parent (id) VALUES (6)");
		assertThat(db.query("SELECT label FROM parent ORDER BY id")).containsExactly(List.of("kept"),
				Arrays.asList((String) null), List.of("none"));
		assertThat(Catalog.of(db, "parent")).contains("parent index [label]")
			.anyMatch((line) -> line.startsWith("parent column label") && line.endsWith("(200)"));
	}

	@EachDatabase
	void createAndDropIndexes(TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable("item", Column.of("id", ColumnType.bigint()).asPrimaryKey(),
				Column.of("parent_id", ColumnType.bigint()), Column.of("qty", ColumnType.integer()));
		op.createIndex("ix_item_qty", "item", "qty");
		op.createUniqueIndex("ux_item_parent", "item", "parent_id", "qty");
		assertThat(Catalog.of(db, "item")).contains("item index [qty]", "item unique index [parent_id, qty]");
		op.dropIndex("ix_item_qty", "item");
		op.dropIndex("ux_item_parent", "item");
		assertThat(Catalog.of(db, "item")).noneMatch((line) -> line.contains("index [qty]"))
			.noneMatch((line) -> line.contains("[parent_id, qty]"));
	}

	@EachDatabase
	void createAndDropNamedConstraints(TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable(PARENT);
		op.createTable("child", Column.of("id", ColumnType.bigint()).asPrimaryKey(),
				Column.of("parent_id", ColumnType.bigint()), Column.of("qty", ColumnType.integer()));
		op.createForeignKey("fk_child_parent", "child", List.of("parent_id"), "parent", List.of("id"));
		op.createUniqueConstraint("uq_child_qty", "child", "parent_id", "qty");
		op.createCheckConstraint("ck_child_qty", "child", "qty >= 0");
		assertThat(Catalog.of(db, "child")).contains("child foreign key parent_id -> parent(id)",
				"child unique index [parent_id, qty]");
		assertThatThrownBy(() -> db.execute("INSERT INTO child (id, qty) VALUES (1, -1)"))
			.isInstanceOf(IllegalStateException.class);
		op.dropConstraint("ck_child_qty", "child", ConstraintType.CHECK);
		op.dropConstraint("fk_child_parent", "child", ConstraintType.FOREIGN_KEY);
		op.dropConstraint("uq_child_qty", "child", ConstraintType.UNIQUE);
		db.execute("INSERT INTO child (id, parent_id, qty) VALUES (1, 99, -1)");
		assertThat(Catalog.of(db, "child")).noneMatch((line) -> line.contains("foreign key"))
			.noneMatch((line) -> line.contains("unique"));
	}

	@EachDatabase
	void renameTableAndDropTable(TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable(PARENT);
		op.renameTable("parent", "account");
		assertThat(db.tables()).containsExactly("account");
		op.dropTable("account");
		assertThat(db.tables()).isEmpty();
	}

	@EachDatabase
	void reverseOperationsRestoreTheCatalogue(TestDatabase db, Connection connection) throws Exception {
		Operations op = TestContext.online(db.dialect(), connection).op();
		op.createTable(PARENT);
		List<String> before = Catalog.of(db);
		List<Operation> operations = List.of(CHILD, new AddColumn("parent", Column.of("phone", ColumnType.string(30))),
				new AddColumn("parent", Column.of("note", ColumnType.text()).notNull().defaultValue("'-'")),
				new DropColumn("parent", "note", Column.of("note", ColumnType.text()).notNull().defaultValue("'-'")),
				AlterColumn.of("child", "qty")
					.type(ColumnType.bigint())
					.nullable(true)
					.existing(Column.of("qty", ColumnType.integer()).notNull().defaultValue("0")),
				CreateIndex.of("ix_child_qty", "child", "qty").asUnique(),
				new CreateUniqueConstraint("parent", UniqueKey.of("uq_parent_phone", "phone")),
				new RenameTable("child", "line_item"));
		List<Operation> reverses = new ArrayList<>();
		for (Operation operation : operations) {
			op.run(operation);
			reverses.add(0, operation.reverse().orElseThrow());
		}
		assertThat(Catalog.of(db)).isNotEqualTo(before);
		reverses.forEach(op::run);
		assertThat(Catalog.of(db)).isEqualTo(before);
	}

	@org.junit.jupiter.api.Test
	void indexesAreBuiltAndDroppedConcurrentlyOnPostgresql() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL); Connection connection = db.connect()) {
			TestContext context = TestContext.online(db.dialect(), connection);
			Operations op = context.op();
			op.createTable(PARENT);
			CreateIndex index = CreateIndex.of("ix_parent_code", "parent", "code").asConcurrent();
			op.run(index);
			assertThat(Catalog.of(db, "parent")).contains("parent index [code]");
			op.run(index.reverse().orElseThrow());
			assertThat(context.statements()).endsWith("CREATE INDEX CONCURRENTLY ix_parent_code ON parent (code)",
					"DROP INDEX CONCURRENTLY ix_parent_code");
			assertThat(Catalog.of(db, "parent")).doesNotContain("parent index [code]");
		}
	}

	@ParameterizedTest
	@MethodSource("dev.migration.testing.TestDatabase#kinds")
	void irreversibleOperationsHaveNoInverse(DatabaseKind kind) {
		assertThat(new ExecuteSql("DELETE FROM t").reverse()).isEmpty();
		assertThat(new DropColumn("t", "c", null).reverse()).isEmpty();
		assertThat(AlterColumn.of("t", "c").nullable(false).reverse()).isEmpty();
		assertThat(AlterColumn.of("t", "c").rename("d").reverse()).contains(AlterColumn.of("t", "d").rename("c"));
		assertThatThrownBy(() -> AlterColumn.of("t", "c").toSql(kind.dialect())).isInstanceOf(MigrationException.class)
			.hasMessage("AlterColumn on table t is not supported on " + kind.dialect()
					+ ": altering column c changes nothing; set a type, nullability, default or new name");
	}

}
