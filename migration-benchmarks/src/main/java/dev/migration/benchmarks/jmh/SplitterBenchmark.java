package dev.migration.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import dev.migration.script.SqlSplitter;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * The splitter on a 1 MB PostgreSQL script with what makes splitting hard: strings with
 * semicolons and doubled quotes, quoted identifiers, line and block comments, dollar
 * quoted function bodies and DO blocks. Throughput in MB/s is {@link #SIZE_MB} divided by
 * the average time.
 */
public class SplitterBenchmark extends JmhDefaults {

	/** Script size in bytes: 1 MiB. */
	public static final int SIZE = 1024 * 1024;

	public static final double SIZE_MB = SIZE / (1024.0 * 1024.0);

	private String script;

	@Setup
	public void setUp() {
		this.script = script(SIZE);
	}

	@Benchmark
	public List<SqlStatement> split() {
		return SqlSplitter.split(this.script, Dialect.POSTGRESQL, 1, "bench.sql");
	}

	/**
	 * A PostgreSQL script of about {@code size} bytes (UTF-8).
	 * @param size the size in bytes
	 * @return the script
	 */
	public static String script(int size) {
		StringBuilder sql = new StringBuilder(size + 4096);
		int i = 0;
		while (sql.toString().getBytes(StandardCharsets.UTF_8).length < size) {
			int start = sql.length();
			while (sql.length() - start < 64 * 1024) {
				block(sql, i++);
			}
		}
		return sql.toString();
	}

	private static void block(StringBuilder sql, int i) {
		sql.append("-- step ").append(i).append(": a comment; with a semicolon\n");
		sql.append("CREATE TABLE \"Orders_").append(i).append("\" (\n");
		sql.append("  id BIGINT PRIMARY KEY, -- the key;\n");
		sql.append("  note TEXT DEFAULT 'it''s; fine',\n");
		sql.append("  total NUMERIC(12, 2) NOT NULL /* money; not float */\n);\n");
		sql.append("INSERT INTO \"Orders_")
			.append(i)
			.append("\" (id, note, total) VALUES (1, 'a; b', 1.50), (2, E'c\\'; d', 2.25);\n");
		sql.append("/* block comment ; with /* nesting */ inside */\n");
		sql.append("CREATE FUNCTION touch_").append(i).append("() RETURNS trigger AS $body$\n");
		sql.append("BEGIN\n  NEW.note := 'touched;';\n  RETURN NEW;\nEND;\n$body$ LANGUAGE plpgsql;\n");
		sql.append("DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'x;y') THEN\n");
		sql.append("    RAISE NOTICE 'missing; %', ").append(i).append(";\n  END IF;\nEND $$;\n\n");
	}

}
