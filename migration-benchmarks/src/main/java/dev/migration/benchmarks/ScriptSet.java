package dev.migration.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * N generated revisions (each: create a table, index it, insert a row), written three
 * times with the same SQL: as our SQL scripts, as Flyway {@code V<n>__} files and as one
 * Liquibase formatted-SQL changelog. The statements are also kept in memory for the
 * floor.
 *
 * @param root the temp directory holding the three trees
 * @param ours our scripts ({@code filesystem:} location)
 * @param flyway Flyway's migrations
 * @param liquibase the directory of {@link #LIQUIBASE_CHANGELOG}
 * @param revisions the revisions in apply order
 * @param branches number of branches merged at the end (1: a straight line)
 */
record ScriptSet(Path root, Path ours, Path flyway, Path liquibase, List<Rev> revisions, int branches) {

	static final String LIQUIBASE_CHANGELOG = "changelog.sql";

	ScriptSet {
		revisions = List.copyOf(revisions);
	}

	int size() {
		return this.revisions.size();
	}

	/**
	 * A straight line of {@code n} revisions.
	 * @param n the number of revisions
	 * @return the scripts, written to a new temp directory
	 */
	static ScriptSet linear(int n) {
		return generate(n, 1);
	}

	/**
	 * {@code n} revisions: a base, {@code branches} branches of equal length and a merge
	 * revision closing them.
	 * @param n the number of revisions
	 * @param branches the number of branches
	 * @return the scripts, written to a new temp directory
	 */
	static ScriptSet branched(int n, int branches) {
		return generate(n, branches);
	}

	private static ScriptSet generate(int n, int branches) {
		if (n < branches + 2 && branches > 1) {
			throw new IllegalArgumentException(
					"need at least " + (branches + 2) + " revisions for " + branches + " branches (was " + n + ")");
		}
		List<String> ids = ids(n);
		List<Rev> revisions = new ArrayList<>(n);
		if (branches == 1) {
			for (int i = 0; i < n; i++) {
				revisions.add(rev(i, ids.get(i), (i == 0) ? List.of() : List.of(ids.get(i - 1))));
			}
		}
		else {
			revisions.add(rev(0, ids.get(0), List.of()));
			int perBranch = (n - 2) / branches;
			int extra = (n - 2) % branches;
			int next = 1;
			List<String> branchHeads = new ArrayList<>();
			for (int b = 0; b < branches; b++) {
				String parent = ids.get(0);
				int length = perBranch + ((b < extra) ? 1 : 0);
				for (int k = 0; k < length; k++) {
					revisions.add(rev(next, ids.get(next), List.of(parent)));
					parent = ids.get(next);
					next++;
				}
				branchHeads.add(parent);
			}
			revisions.add(rev(next, ids.get(next), branchHeads));
		}
		try {
			Path root = Files.createTempDirectory("migration-bench-" + n + "-");
			ScriptSet set = new ScriptSet(root, Files.createDirectory(root.resolve("ours")),
					Files.createDirectory(root.resolve("flyway")), Files.createDirectory(root.resolve("liquibase")),
					revisions, branches);
			set.write();
			return set;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Random-looking but reproducible 12-hex-digit ids, as {@code revision} makes. */
	private static List<String> ids(int n) {
		SplittableRandom random = new SplittableRandom(20261125L + n);
		Set<String> seen = new HashSet<>();
		List<String> ids = new ArrayList<>(n);
		while (ids.size() < n) {
			String id = String.format("%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
			if (seen.add(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

	private static Rev rev(int index, String id, List<String> revises) {
		String table = String.format("t_%05d", index + 1);
		List<String> statements = List.of(
				"CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, created_at TIMESTAMP)",
				"CREATE INDEX ix_" + table + "_name ON " + table + " (name)", "INSERT INTO " + table
						+ " (id, name, created_at) VALUES (1, 'row " + (index + 1) + "', CURRENT_TIMESTAMP)");
		String body = String.join(";\n", statements) + ";\n";
		return new Rev(index + 1, id, revises, "create_" + table, "Create " + table, statements, true, body,
				"\n" + body, "DROP TABLE " + table + ";\n");
	}

	/**
	 * The realistic corpus: {@code n} revisions in a straight line, written as a real
	 * project's history looks (see {@link RealisticCorpus}).
	 * @param n the number of revisions (300 in the harness)
	 * @param kind the database the SQL is written for (PostgreSQL or MariaDB)
	 * @return the scripts, written to a new temp directory
	 */
	static ScriptSet realistic(int n, BenchDatabase.DbKind kind) {
		List<String> ids = ids(n);
		List<Rev> revisions = new RealisticCorpus(kind).revisions(ids);
		try {
			Path root = Files.createTempDirectory("migration-bench-real-" + n + "-");
			ScriptSet set = new ScriptSet(root, Files.createDirectory(root.resolve("ours")),
					Files.createDirectory(root.resolve("flyway")), Files.createDirectory(root.resolve("liquibase")),
					revisions, 1);
			set.write();
			return set;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether some revision must run outside a transaction (Flyway then needs its session
	 * lock: its transactional advisory lock would block {@code CREATE INDEX
	 * CONCURRENTLY}).
	 */
	boolean hasNonTransactional() {
		return this.revisions.stream().anyMatch((rev) -> !rev.transactional());
	}

	private void write() throws IOException {
		StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
		for (Rev rev : this.revisions) {
			Files.writeString(this.ours.resolve(rev.id() + "_" + rev.slug() + ".sql"), rev.script(),
					StandardCharsets.UTF_8);
			Files.writeString(this.flyway.resolve("V" + rev.number() + "__" + rev.slug() + ".sql"), rev.body(),
					StandardCharsets.UTF_8);
			changelog.append("--changeset bench:").append(rev.number()).append(rev.liquibase()).append('\n');
		}
		Files.writeString(this.liquibase.resolve(LIQUIBASE_CHANGELOG), changelog, StandardCharsets.UTF_8);
	}

	/** Deletes the temp directory. */
	void delete() {
		try (Stream<Path> paths = Files.walk(this.root)) {
			for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			System.err.println("warning: could not delete " + this.root + ": " + ex.getMessage());
		}
	}

	/**
	 * One generated revision.
	 *
	 * @param number 1-based position (Flyway version, Liquibase changeset id)
	 * @param id our revision id
	 * @param revises our parents
	 * @param slug the file name's description part
	 * @param message our header's message
	 * @param statements the statements, without delimiters, as the floor sends them
	 * @param transactional false when the revision must run outside a transaction
	 * @param body the upgrade SQL as our script and Flyway's file hold it
	 * @param liquibase the rest of the changeset line (attributes), a newline and the
	 * changeset's SQL
	 * @param downgrade our downgrade section
	 */
	record Rev(int number, String id, List<String> revises, String slug, String message, List<String> statements,
			boolean transactional, String body, String liquibase, String downgrade) {

		Rev {
			revises = List.copyOf(revises);
			statements = List.copyOf(statements);
		}

		/** Our script format: header, upgrade and downgrade sections. */
		String script() {
			StringBuilder script = new StringBuilder();
			script.append("-- migration: ").append(this.message).append('\n');
			script.append("-- revision: ").append(this.id).append('\n');
			if (!this.revises.isEmpty()) {
				script.append("-- revises: ").append(String.join(", ", this.revises)).append('\n');
			}
			script.append("-- created: 2026-11-25T12:00:00Z\n");
			if (!this.transactional) {
				script.append("-- transactional: false\n");
			}
			script.append("\n-- +upgrade\n").append(this.body).append('\n');
			script.append("-- +downgrade\n").append(this.downgrade);
			return script.toString();
		}

		/** SHA-256 of our script file, as the floor's bookkeeping row stores it. */
		String checksum() {
			return sha256(script());
		}

	}

	static String sha256(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
