package dev.migration.imports;

import java.nio.file.Path;
import java.sql.Connection;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * A Liquibase project of 36 changesets as teams write them: an XML master changelog with
 * a property, two {@code <sql>}/{@code <sqlFile>} changesets and three included formatted
 * SQL files; 30 changesets with {@code --rollback}, a dialect's routine (dollar-quoted
 * function with {@code splitStatements:false} on PostgreSQL, a procedure ended by
 * {@code endDelimiter://} on MariaDB), a {@code context:test} seed,
 * {@code CREATE INDEX CONCURRENTLY} with {@code runInTransaction:false} and a
 * {@code runOnChange} view.
 */
final class LiquibaseProject extends SourceProject {

	static {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
	}

	/** 35 changesets of the chain and 1 repeatable. */
	static final int REVISIONS = 36;

	LiquibaseProject(Path dir, DatabaseKind kind) {
		super(dir, kind);
		write("master.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
				        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
				    <property name="owner" value="ops"/>
				    <include file="changes/001-items.sql" relativeToChangelogFile="true"/>
				    <changeSet id="settings" author="bob">
				        <comment>settings table</comment>
				        <sql>
				            CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v VARCHAR(100));
				            INSERT INTO settings (k, v) VALUES ('owner', '${owner}');
				        </sql>
				        <rollback>DROP TABLE settings;</rollback>
				    </changeSet>
				    <changeSet id="customer" author="bob">
				        <sqlFile path="sql/customer.sql" relativeToChangelogFile="true"/>
				        <rollback><sql>DROP TABLE customer;</sql></rollback>
				    </changeSet>
				    <include file="changes/002-routines.sql" relativeToChangelogFile="true"/>
				    <include file="changes/003-views.sql" relativeToChangelogFile="true"/>
				</databaseChangeLog>
				""");
		write("master.yaml", """
				databaseChangeLog:
				  - property:
				      name: owner
				      value: ops
				  - include:
				      file: changes/001-items.sql
				      relativeToChangelogFile: true
				  - changeSet:
				      id: settings
				      author: bob
				      comment: settings table
				      changes:
				        - sql:
				            sql: |
				              CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v VARCHAR(100));
				              INSERT INTO settings (k, v) VALUES ('owner', '${owner}');
				      rollback: DROP TABLE settings;
				  - changeSet:
				      id: customer
				      author: bob
				      changes:
				        - sqlFile:
				            path: sql/customer.sql
				            relativeToChangelogFile: true
				      rollback:
				        - sql:
				            sql: DROP TABLE customer;
				  - include:
				      file: changes/002-routines.sql
				      relativeToChangelogFile: true
				  - include:
				      file: changes/003-views.sql
				      relativeToChangelogFile: true
				""");
		StringBuilder items = new StringBuilder("--liquibase formatted sql\n\n");
		for (int i = 1; i <= 30; i++) {
			items.append("--changeset alice:item-").append(i).append('\n');
			if (i == 10) {
				items.append("--comment: the tenth item\n");
			}
			items.append("CREATE TABLE item_").append(i).append(" (id INT PRIMARY KEY, note VARCHAR(50));\n");
			if (i > 1) {
				items.append("ALTER TABLE item_").append(i - 1).append(" ADD next_id INT;\n");
			}
			items.append("--rollback DROP TABLE item_").append(i).append(";\n");
			if (i > 1) {
				items.append("--rollback ALTER TABLE item_").append(i - 1).append(" DROP COLUMN next_id;\n");
			}
			items.append('\n');
		}
		write("changes/001-items.sql", items.toString());
		write("sql/customer.sql",
				"CREATE TABLE customer (\r\n  id INT PRIMARY KEY,\r\n" + "  name VARCHAR(100) NOT NULL\r\n);\r\n");
		write("changes/002-routines.sql",
				"--liquibase formatted sql\n\n" + routine() + "\n" + "--changeset carol:seed context:test\n"
						+ "INSERT INTO customer (id, name) VALUES (1, 'Ada');\n"
						+ "--rollback DELETE FROM customer WHERE id = 1;\n\n" + index());
		write("changes/003-views.sql", "--liquibase formatted sql\n\n--changeset carol:customer-view runOnChange:true\n"
				+ "CREATE OR REPLACE VIEW customer_view AS SELECT id, name FROM customer;\n");
	}

	private String routine() {
		return switch (this.kind) {
			case POSTGRESQL -> "--changeset carol:add-one splitStatements:false\n"
					+ "CREATE FUNCTION add_one(x integer) RETURNS integer AS $$\nBEGIN\n"
					+ "  -- a semicolon inside the body\n  RETURN x + 1;\nEND;\n$$ LANGUAGE plpgsql;\n"
					+ "--rollback DROP FUNCTION add_one(integer);\n";
			case MARIADB -> "--changeset carol:set-owner endDelimiter://\n"
					+ "CREATE PROCEDURE set_owner(IN who VARCHAR(100))\nBEGIN\n"
					+ "  UPDATE settings SET v = who WHERE k = 'owner';\nEND //\n"
					+ "--rollback DROP PROCEDURE set_owner;\n";
			default -> "--changeset carol:item-count\nCREATE VIEW item_count AS SELECT COUNT(*) AS n FROM item_1;\n"
					+ "--rollback DROP VIEW item_count;\n";
		};
	}

	private String index() {
		return (this.kind == DatabaseKind.POSTGRESQL)
				? "--changeset carol:customer-name-index runInTransaction:false\n"
						+ "CREATE INDEX CONCURRENTLY customer_name ON customer (name);\n"
						+ "--rollback DROP INDEX customer_name;\n"
				: "--changeset carol:customer-name-index\nCREATE INDEX customer_name ON customer (name);\n"
						+ ((this.kind == DatabaseKind.MARIADB) ? "--rollback DROP INDEX customer_name ON customer;\n"
								: "--rollback DROP INDEX customer_name;\n");
	}

	Path master() {
		return this.dir.resolve("master.xml");
	}

	/** Update the database with the real Liquibase, all contexts. */
	void update(TestDatabase db) {
		update(db, "");
	}

	/** Update the database with the real Liquibase, the contexts given. */
	void update(TestDatabase db, String contexts) {
		update(db, contexts, "master.xml");
	}

	/** Update the database with the real Liquibase from the master changelog given. */
	void update(TestDatabase db, String contexts, String master) {
		try (Connection connection = db.connect()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			try (Liquibase liquibase = new Liquibase(master, new DirectoryResourceAccessor(this.dir), database)) {
				liquibase.update(new Contexts(contexts), new LabelExpression());
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Liquibase update failed: " + ex.getMessage(), ex);
		}
	}

}
