package dev.migration.command;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaTests {

	@TempDir
	Path dir;

	@EachDatabase({ DatabaseKind.H2, DatabaseKind.POSTGRESQL, DatabaseKind.MARIADB })
	void tablesLiveInTheConfiguredSchemaWhichIsCreatedOnFirstUse(DatabaseKind kind, TestDatabase db) {
		String schema = db.name() + "_m";
		Scripts scripts = new Scripts(this.dir).linear();
		Migrator migrator = new Migrator(
				scripts.config(db).schema(schema).versionTable("my_versions").historyTable("my_history").build());
		try {
			migrator.upgrade("a2");
			String qualified = (kind == DatabaseKind.H2) ? schema.toUpperCase(java.util.Locale.ROOT) : schema;
			assertThat(db.query("SELECT version_num FROM " + qualified + ".my_versions"))
				.containsExactly(List.of("a2"));
			assertThat(db.query("SELECT revision FROM " + qualified + ".my_history ORDER BY id"))
				.containsExactly(List.of("a1"), List.of("a2"));
			assertThat(Rows.userTables(db)).containsExactly("t1", "t2");
			assertThat(migrator.current()).containsExactly("a2");
			assertThat(migrator.status().pending()).containsExactly("a3");
		}
		finally {
			db.execute(((kind == DatabaseKind.MARIADB) ? "DROP DATABASE IF EXISTS " : "DROP SCHEMA IF EXISTS ") + schema
					+ ((kind == DatabaseKind.MARIADB) ? "" : " CASCADE"));
		}
	}

}
