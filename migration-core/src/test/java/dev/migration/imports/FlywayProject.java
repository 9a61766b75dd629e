package dev.migration.imports;

import java.nio.file.Path;
import java.util.Map;

import org.flywaydb.core.Flyway;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

/**
 * A Flyway project of 38 scripts as teams write them: versions 1.1 to 1.30 (so 1.10
 * follows 1.9), a placeholder, a dialect's routine (dollar-quoted function on PostgreSQL,
 * a DELIMITER procedure on MariaDB), CREATE INDEX CONCURRENTLY, a script with a
 * {@code .sql.conf}, one with a byte-order mark and CRLF line ends, an undo script and
 * two repeatable views.
 */
final class FlywayProject extends SourceProject {

	/**
	 * 35 versioned and 2 repeatable scripts (the undo script and the .conf join them).
	 */
	static final int REVISIONS = 37;

	FlywayProject(Path dir, DatabaseKind kind) {
		super(dir, kind);
		for (int i = 1; i <= 30; i++) {
			String sql = "CREATE TABLE item_" + i + " (id INT PRIMARY KEY, note VARCHAR(50));\n"
					+ ((i > 1) ? "ALTER TABLE item_" + (i - 1) + " ADD next_id INT;\n" : "");
			write("V1_" + i + "__create_item_" + i + ".sql", sql);
		}
		write("U1_30__create_item_30.sql", "DROP TABLE item_30;\n");
		write("V2__settings.sql",
				"-- owner comes from Flyway's placeholder\n"
						+ "CREATE TABLE settings (k VARCHAR(50) PRIMARY KEY, v VARCHAR(100));\n"
						+ "INSERT INTO settings (k, v) VALUES ('owner', '${owner}');\n");
		write("V3__routine.sql", routine());
		write("V4__customer.sql", "\uFEFFCREATE TABLE customer (\r\n  id INT PRIMARY KEY,\r\n"
				+ "  name VARCHAR(100) NOT NULL\r\n);\r\n");
		write("V5__customer_name_index.sql",
				(kind == DatabaseKind.POSTGRESQL) ? "CREATE INDEX CONCURRENTLY customer_name ON customer (name);\n"
						: "CREATE INDEX customer_name ON customer (name);\n");
		write("V6__seed.sql", "INSERT INTO customer (id, name) VALUES (1, 'Ada');\n");
		write("V6__seed.sql.conf", "executeInTransaction=false\n");
		write("R__customer_view.sql", "CREATE OR REPLACE VIEW customer_view AS SELECT id, name FROM customer;\n");
		write("R__settings_view.sql", "CREATE OR REPLACE VIEW settings_view AS SELECT k, v FROM settings;\n");
	}

	private String routine() {
		return switch (this.kind) {
			case POSTGRESQL -> "CREATE FUNCTION add_one(x integer) RETURNS integer AS $$\nBEGIN\n"
					+ "  -- a semicolon inside the body; the splitter must keep it\n  RETURN x + 1;\nEND;\n$$ "
					+ "LANGUAGE plpgsql;\n";
			case MARIADB -> "DELIMITER //\nCREATE PROCEDURE set_owner(IN who VARCHAR(100))\nBEGIN\n"
					+ "  UPDATE settings SET v = who WHERE k = 'owner';\nEND //\nDELIMITER ;\n";
			default -> "CREATE VIEW item_count AS SELECT COUNT(*) AS n FROM item_1;\n";
		};
	}

	/** Migrate the database with the real Flyway. */
	void migrate(TestDatabase db) {
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.dir)
			.placeholders(Map.of("owner", "ops"))
			// Flyway's default transactional advisory lock keeps a transaction open,
			// which
			// CREATE INDEX CONCURRENTLY would wait for forever
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
	}

}
