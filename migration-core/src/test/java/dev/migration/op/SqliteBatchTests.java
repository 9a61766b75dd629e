package dev.migration.op;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migration.testing.Catalog;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestContext;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** SQLite's batch mode: one rebuild for several changes SQLite cannot make in place. */
class SqliteBatchTests {

	@Test
	void batchRebuildsTheTableOnceKeepingRowsIndexesAndConstraints() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.SQLITE); Connection connection = db.connect()) {
			TestContext context = TestContext.online(db.dialect(), connection);
			Operations op = context.op();
			op.createTable(OperationsDatabaseTests.PARENT);
			op.createTable(OperationsDatabaseTests.CHILD);
			op.createIndex("ix_child_qty", "child", "qty");
			db.execute("INSERT INTO parent (code) VALUES ('a')",
					"INSERT INTO child (id, parent_id, qty) VALUES (1, 1, 3)");
			int before = context.statements().size();
			op.batchAlterTable("child",
					(batch) -> batch.alterColumn("qty", (column) -> column.nullable(true))
						.addColumn(Column.of("note", ColumnType.text()).notNull().defaultValue("'-'"))
						.createUniqueConstraint("uq_child_parent", "parent_id")
						.dropColumn("id"));
			List<String> rebuild = context.statements().subList(before, context.statements().size());
			assertThat(rebuild).hasSize(5);
			assertThat(rebuild.get(0)).startsWith("CREATE TABLE _migration_tmp_child (");
			assertThat(rebuild.subList(1, 5)).containsExactly(
					"INSERT INTO _migration_tmp_child (parent_id, qty) SELECT parent_id, qty FROM child",
					"DROP TABLE child", "ALTER TABLE _migration_tmp_child RENAME TO child",
					"CREATE INDEX ix_child_qty ON child (qty)");
			assertThat(db.query("SELECT parent_id, qty, note FROM child")).containsExactly(List.of("1", "3", "-"));
			assertThat(Catalog.of(db, "child")).containsExactly("child column note text not null",
					"child column parent_id bigint", "child column qty integer",
					"child foreign key parent_id -> parent(id)", "child index [qty]", "child unique index [parent_id]");
			db.execute("INSERT INTO child (parent_id, qty) VALUES (2, NULL)");
		}
	}

}
