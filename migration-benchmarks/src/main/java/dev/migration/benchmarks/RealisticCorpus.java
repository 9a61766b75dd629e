package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.benchmarks.BenchDatabase.DbKind;
import dev.migration.benchmarks.ScriptSet.Rev;

/**
 * A history as real projects write it, in a fixed rotation of ten revision kinds: tables
 * with foreign keys, indexes and seed rows; PL/pgSQL (or MariaDB) functions whose
 * dollar-quoted (or {@code DELIMITER}-wrapped) bodies hold semicolons, quotes and
 * comments; triggers with their trigger functions; {@code ALTER TABLE} followed by
 * {@code UPDATE} and bulk {@code INSERT ... SELECT} (mixed DDL and DML in one revision);
 * views joining two tables; {@code DO} blocks; and, on PostgreSQL, {@code CREATE INDEX
 * CONCURRENTLY} alone in a {@code transactional: false} revision (MariaDB: an online
 * {@code ALTER TABLE ... ADD INDEX, ALGORITHM=INPLACE, LOCK=NONE}).
 * <p>
 * Every revision is written for each contender in its own form: the statements alone (the
 * floor sends them one by one), our script and Flyway's file (the same upgrade text:
 * dollar quotes, or {@code DELIMITER //} on MariaDB), and a Liquibase changeset (the
 * statements separated by a {@code /} line with {@code endDelimiter:/}, since Liquibase
 * splits dollar-quoted bodies at their semicolons otherwise;
 * {@code runInTransaction:false} where ours says {@code transactional: false}).
 */
final class RealisticCorpus {

	private enum Kind {

		TABLE, FUNCTION, MIXED, TRIGGER, VIEW, CONCURRENT_INDEX, BLOCK

	}

	/**
	 * One cycle: 3 tables, 1 function, 2 mixed DDL/DML, 1 trigger, 1 view, 1 index, 1
	 * block.
	 */
	private static final Kind[] CYCLE = { Kind.TABLE, Kind.FUNCTION, Kind.MIXED, Kind.TABLE, Kind.TRIGGER, Kind.VIEW,
			Kind.CONCURRENT_INDEX, Kind.TABLE, Kind.BLOCK, Kind.MIXED };

	private final DbKind db;

	private final List<String> tables = new ArrayList<>();

	/**
	 * Writes the corpus to a directory, to try it outside the harness (the CLI start-up
	 * measurement uses it): {@code java -cp migration-benchmarks/target/benchmarks.jar
	 * dev.migration.benchmarks.RealisticCorpus postgresql 300 DIR} makes
	 * {@code DIR/ours}, {@code DIR/flyway} and {@code DIR/liquibase}.
	 * @param args database kind, number of revisions, directory
	 * @throws java.io.IOException on a write error
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("Usage: RealisticCorpus postgresql|mariadb N DIR");
			System.exit(2);
		}
		ScriptSet set = ScriptSet.realistic(Integer.parseInt(args[1]), DbKind.parse(args[0]));
		Path target = Path.of(args[2]);
		try (Stream<Path> files = Files.walk(set.root())) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(set.root().relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		finally {
			set.delete();
		}
		System.out.println(set.size() + " revisions written to " + target.toAbsolutePath());
	}

	RealisticCorpus(DbKind db) {
		if (db != DbKind.POSTGRESQL && db != DbKind.MARIADB) {
			throw new IllegalArgumentException("the realistic corpus is written for PostgreSQL and MariaDB, not " + db);
		}
		this.db = db;
	}

	List<Rev> revisions(List<String> ids) {
		List<Rev> revisions = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			List<String> revises = (i == 0) ? List.of() : List.of(ids.get(i - 1));
			revisions.add(revision(i + 1, ids.get(i), revises, CYCLE[i % CYCLE.length]));
		}
		return revisions;
	}

	private boolean pg() {
		return this.db == DbKind.POSTGRESQL;
	}

	/** A table made a few revisions back, chosen by the revision number. */
	private String someTable(int number, int back) {
		int index = Math.max(0, this.tables.size() - 1 - ((number + back) % Math.min(this.tables.size(), 7)));
		return this.tables.get(index);
	}

	private Rev revision(int number, String id, List<String> revises, Kind kind) {
		String n = String.format("%05d", number);
		return switch (kind) {
			case TABLE -> table(number, id, revises, n);
			case FUNCTION -> function(number, id, revises, n);
			case MIXED -> mixed(number, id, revises, n);
			case TRIGGER -> trigger(number, id, revises, n);
			case VIEW -> view(number, id, revises, n);
			case CONCURRENT_INDEX -> index(number, id, revises, n);
			case BLOCK -> block(number, id, revises, n);
		};
	}

	private Rev table(int number, String id, List<String> revises, String n) {
		String table = "acct_" + n;
		String parent = this.tables.isEmpty() ? null : this.tables.get(this.tables.size() - 1);
		StringBuilder create = new StringBuilder("CREATE TABLE ").append(table).append(" (\n");
		create.append("    id BIGINT PRIMARY KEY,\n");
		create.append("    name VARCHAR(100) NOT NULL,\n");
		create.append("    status VARCHAR(20) NOT NULL DEFAULT 'new',\n");
		create.append(pg() ? "    amount NUMERIC(12, 2),\n" : "    amount DECIMAL(12, 2),\n");
		create.append("    parent_id BIGINT,\n");
		create.append(pg() ? "    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
				: "    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),\n");
		create.append(pg() ? "    updated_at TIMESTAMP" : "    updated_at DATETIME(6) NULL");
		if (parent != null) {
			create.append(",\n    CONSTRAINT fk_")
				.append(table)
				.append("_parent FOREIGN KEY (parent_id) REFERENCES ")
				.append(parent)
				.append(" (id)");
		}
		create.append("\n)").append(pg() ? "" : " ENGINE=InnoDB");
		List<String> statements = List.of(create.toString(),
				"CREATE INDEX ix_" + table + "_status ON " + table + " (status, created_at)",
				"INSERT INTO " + table + " (id, name, status, amount) VALUES\n"
						+ "    (1, 'first; it''s seeded', 'new', 10.50),\n"
						+ "    (2, 'second -- not a comment', 'active', 20.00),\n"
						+ "    (3, 'third /* not one either */', 'new', NULL)");
		this.tables.add(table);
		return plain(number, id, revises, "create_" + table, "Create " + table, statements,
				"DROP TABLE " + table + ";\n");
	}

	private Rev function(int number, String id, List<String> revises, String n) {
		String table = someTable(number, 0);
		String name = "total_" + n;
		String sql;
		if (pg()) {
			sql = "CREATE OR REPLACE FUNCTION " + name + "(p_status VARCHAR) RETURNS NUMERIC\n"
					+ "LANGUAGE plpgsql STABLE AS $$\n" + "DECLARE\n" + "    result NUMERIC := 0;\n" + "BEGIN\n"
					+ "    -- sums one status; a comment with a semicolon\n"
					+ "    SELECT COALESCE(SUM(amount), 0) INTO result FROM " + table + " WHERE status = p_status;\n"
					+ "    IF result < 0 THEN\n"
					+ "        RAISE NOTICE 'negative total for %; check it''s right', p_status;\n" + "    END IF;\n"
					+ "    RETURN result;\n" + "END;\n$$";
		}
		else {
			sql = "CREATE FUNCTION " + name + "(p_status VARCHAR(20)) RETURNS DECIMAL(14, 2)\n" + "READS SQL DATA\n"
					+ "BEGIN\n" + "    DECLARE result DECIMAL(14, 2) DEFAULT 0;\n"
					+ "    -- sums one status; a comment with a semicolon\n"
					+ "    SELECT COALESCE(SUM(amount), 0) INTO result FROM " + table + " WHERE status = p_status;\n"
					+ "    IF result < 0 THEN\n" + "        SET result = 0; -- it's never negative\n" + "    END IF;\n"
					+ "    RETURN result;\n" + "END";
		}
		return compound(number, id, revises, "function_" + name, "Add function " + name, List.of(sql),
				"DROP FUNCTION " + name + (pg() ? "(VARCHAR)" : "") + ";\n");
	}

	private Rev trigger(int number, String id, List<String> revises, String n) {
		String table = someTable(number, 1);
		String name = "touch_" + n;
		List<String> statements;
		String downgrade;
		if (pg()) {
			statements = List.of("CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger\n"
					+ "LANGUAGE plpgsql AS $body$\n" + "BEGIN\n" + "    NEW.updated_at := CURRENT_TIMESTAMP;\n"
					+ "    IF NEW.name <> OLD.name THEN\n" + "        NEW.status := 'renamed'; -- keeps the 'old' one\n"
					+ "    END IF;\n" + "    RETURN NEW;\n" + "END;\n$body$",
					"CREATE TRIGGER " + name + " BEFORE UPDATE ON " + table + "\n    FOR EACH ROW EXECUTE FUNCTION "
							+ name + "()");
			downgrade = "DROP TRIGGER " + name + " ON " + table + ";\nDROP FUNCTION " + name + "();\n";
		}
		else {
			statements = List.of("CREATE TRIGGER " + name + " BEFORE UPDATE ON " + table + " FOR EACH ROW\n" + "BEGIN\n"
					+ "    SET NEW.updated_at = NOW(6);\n" + "    IF NEW.name <> OLD.name THEN\n"
					+ "        SET NEW.status = 'renamed'; -- keeps the 'old' one\n" + "    END IF;\n" + "END");
			downgrade = "DROP TRIGGER " + name + ";\n";
		}
		return compound(number, id, revises, "trigger_" + name, "Touch " + table + " on update", statements, downgrade);
	}

	private Rev mixed(int number, String id, List<String> revises, String n) {
		String table = someTable(number, 2);
		String column = "note_" + n;
		List<String> statements = List.of("ALTER TABLE " + table + " ADD COLUMN " + column + " VARCHAR(200)",
				"UPDATE " + table + " SET " + column + " = " + (pg() ? "'note: ' || name" : "CONCAT('note: ', name)")
						+ ", amount = COALESCE(amount, 0) + 1 WHERE status IN ('new', 'active')",
				"INSERT INTO " + table + " (id, name, status, amount)\n" + "SELECT " + (pg() ? "g" : "seq") + " + "
						+ number + "000, " + (pg() ? "'bulk ' || g" : "CONCAT('bulk ', seq)") + ", 'new', "
						+ (pg() ? "g" : "seq") + " * 1.5\n"
						+ (pg() ? "FROM generate_series(1, 50) AS g" : "FROM seq_1_to_50"));
		return plain(number, id, revises, "backfill_" + column, "Add and backfill " + table + "." + column, statements,
				"ALTER TABLE " + table + " DROP COLUMN " + column + ";\n");
	}

	private Rev view(int number, String id, List<String> revises, String n) {
		String table = this.tables.get(this.tables.size() - 1);
		String parent = (this.tables.size() > 1) ? this.tables.get(this.tables.size() - 2) : table;
		String name = "v_" + n;
		String sql = "CREATE OR REPLACE VIEW " + name + " AS\n"
				+ "SELECT a.id, a.name, a.status, p.name AS parent_name, a.amount\n" + "FROM " + table + " a\n"
				+ "LEFT JOIN " + parent + " p ON p.id = a.parent_id\n" + "WHERE a.status <> 'deleted'";
		return plain(number, id, revises, "view_" + name, "Add view " + name, List.of(sql),
				"DROP VIEW " + name + ";\n");
	}

	private Rev index(int number, String id, List<String> revises, String n) {
		String table = someTable(number, 3);
		String name = "ix_" + table + "_created_" + n;
		if (pg()) {
			// Alone, outside a transaction: PostgreSQL refuses CONCURRENTLY in one.
			String sql = "CREATE INDEX CONCURRENTLY " + name + " ON " + table + " (created_at)";
			return new Rev(number, id, revises, "index_" + name, "Index " + table + ".created_at concurrently",
					List.of(sql), false, sql + ";\n", " runInTransaction:false endDelimiter:/\n" + sql + "\n/\n",
					"DROP INDEX CONCURRENTLY " + name + ";\n");
		}
		String sql = "ALTER TABLE " + table + " ADD INDEX " + name + " (created_at), ALGORITHM=INPLACE, LOCK=NONE";
		return plain(number, id, revises, "index_" + name, "Index " + table + ".created_at online", List.of(sql),
				"DROP INDEX " + name + " ON " + table + ";\n");
	}

	private Rev block(int number, String id, List<String> revises, String n) {
		String table = someTable(number, 4);
		if (pg()) {
			String sql = "DO $$\n" + "BEGIN\n" + "    IF NOT EXISTS (SELECT 1 FROM " + table
					+ " WHERE status = 'archived') THEN\n" + "        UPDATE " + table
					+ " SET status = 'active' WHERE status = 'new'; -- first run only\n" + "    END IF;\n" + "END\n$$";
			return compound(number, id, revises, "activate_" + table + "_" + n, "Activate " + table, List.of(sql),
					"-- data change: nothing to undo\n");
		}
		List<String> statements = List.of("DELETE FROM " + table + " WHERE status = 'archived'",
				"UPDATE " + table + " SET status = 'active' WHERE status = 'new'");
		return plain(number, id, revises, "activate_" + table + "_" + n, "Activate " + table, statements,
				"-- data change: nothing to undo\n");
	}

	/** Statements without bodies: {@code ;} after each, in every format. */
	private Rev plain(int number, String id, List<String> revises, String slug, String message, List<String> statements,
			String downgrade) {
		String body = String.join(";\n", statements) + ";\n";
		return new Rev(number, id, revises, slug, message, statements, true, body, liquibase(statements), downgrade);
	}

	/**
	 * Statements with bodies: PostgreSQL's are dollar-quoted (plain {@code ;} after
	 * them); MariaDB's go between {@code DELIMITER //} lines, as its client and Flyway
	 * read them.
	 */
	private Rev compound(int number, String id, List<String> revises, String slug, String message,
			List<String> statements, String downgrade) {
		String body;
		if (pg()) {
			body = String.join(";\n", statements) + ";\n";
		}
		else {
			body = "DELIMITER //\n" + String.join("\n//\n", statements) + "\n//\nDELIMITER ;\n";
		}
		return new Rev(number, id, revises, slug, message, statements, true, body, liquibase(statements), downgrade);
	}

	private static String liquibase(List<String> statements) {
		return " endDelimiter:/\n" + String.join("\n/\n", statements) + "\n/\n";
	}

}
