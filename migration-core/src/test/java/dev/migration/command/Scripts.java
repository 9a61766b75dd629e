package dev.migration.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;
import dev.migration.testing.TestDatabase;

/** Writes SQL revisions into a temporary {@code filesystem:} location for one test. */
final class Scripts {

	private final Path dir;

	Scripts(Path dir) {
		this.dir = dir;
	}

	/**
	 * Write a revision.
	 * @param id the id
	 * @param revises parents, space separated ({@code ""} for a root)
	 * @param upgrade the upgrade section
	 * @param downgrade the downgrade section, {@code null} for none
	 * @return this
	 */
	Scripts add(String id, String revises, String upgrade, @Nullable String downgrade) {
		return write(id, revises, "", upgrade, downgrade);
	}

	Scripts write(String id, String revises, String extraHeader, String upgrade, @Nullable String downgrade) {
		StringBuilder text = new StringBuilder();
		text.append("-- migration: Revision ").append(id).append('\n');
		text.append("-- revision: ").append(id).append('\n');
		if (!revises.isEmpty()) {
			text.append("-- revises: ").append(revises).append('\n');
		}
		text.append(extraHeader);
		text.append("\n-- +upgrade\n").append(upgrade).append('\n');
		if (downgrade != null) {
			text.append("\n-- +downgrade\n").append(downgrade).append('\n');
		}
		try {
			Files.writeString(file(id), text.toString(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	Path file(String id) {
		return this.dir.resolve(id + "_revision.sql");
	}

	/** The location of a revision's file as messages show it. */
	String location(String id) {
		return location() + "/" + id + "_revision.sql";
	}

	String location() {
		return "filesystem:" + this.dir;
	}

	MigrationConfigBuilder config(TestDatabase database) {
		return MigrationConfig.builder().dataSource(database.dataSource()).locations(location());
	}

	Migrator migrator(TestDatabase database) {
		return new Migrator(config(database).build());
	}

	/** Linear a1 -> a2 -> a3, each creating a table. */
	Scripts linear() {
		add("a1", "", "CREATE TABLE t1 (id INT PRIMARY KEY);", "DROP TABLE t1;");
		add("a2", "a1", "CREATE TABLE t2 (id INT PRIMARY KEY);", "DROP TABLE t2;");
		add("a3", "a2", "CREATE TABLE t3 (id INT PRIMARY KEY);", "DROP TABLE t3;");
		return this;
	}

	/**
	 * Alembic's branch example: b1 is the base, b2a and b2b branch from it, m3 merges
	 * them, c4 follows.
	 */
	Scripts branched() {
		add("b1", "", "CREATE TABLE base_t (id INT PRIMARY KEY);", "DROP TABLE base_t;");
		add("b2a", "b1", "CREATE TABLE left_t (id INT PRIMARY KEY);", "DROP TABLE left_t;");
		add("b2b", "b1", "CREATE TABLE right_t (id INT PRIMARY KEY);", "DROP TABLE right_t;");
		add("m3", "b2a b2b", "CREATE TABLE merged_t (id INT PRIMARY KEY);", "DROP TABLE merged_t;");
		add("c4", "m3", "CREATE TABLE after_t (id INT PRIMARY KEY);", "DROP TABLE after_t;");
		return this;
	}

}
