package dev.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * Tenant schemas of a {@code migration.schemas} test on PostgreSQL or MariaDB (where a
 * schema is a database): named after the test database, dropped on close.
 */
public final class TenantSchemas implements AutoCloseable {

	private final TestDatabase db;

	private final List<String> names = new ArrayList<>();

	public TenantSchemas(TestDatabase db) {
		this.db = db;
	}

	/**
	 * A tenant schema's name; the schema is created by the migration (or by
	 * {@link #createWithPersonTable}) and dropped on close.
	 * @param suffix what follows the test database's name
	 * @return the schema name
	 */
	public String name(String suffix) {
		String name = this.db.name() + suffix;
		this.names.add(name);
		return name;
	}

	/**
	 * The {@code migration.schemas} property that lists the schemas named so far.
	 * @return the property as {@code key=value}
	 */
	public String property() {
		return "migration.schemas=" + String.join(",", this.names);
	}

	/**
	 * Creates a schema that already holds a {@code person} table, which the first test
	 * revision creates too: migrating it fails.
	 * @param schema the schema
	 */
	public void createWithPersonTable(String schema) {
		this.db.execute(((this.db.kind() == DatabaseKind.MARIADB) ? "CREATE DATABASE " : "CREATE SCHEMA ") + schema,
				"CREATE TABLE " + schema + ".person (other INT)");
	}

	@Override
	public void close() {
		for (String schema : this.names) {
			this.db.execute((this.db.kind() == DatabaseKind.MARIADB) ? "DROP DATABASE IF EXISTS " + schema
					: "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

}
