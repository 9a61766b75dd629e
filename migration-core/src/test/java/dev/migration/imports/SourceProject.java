package dev.migration.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.migration.testing.DatabaseKind;

/**
 * The files of another tool's project that the import tests write, for one database (the
 * SQL of a few scripts is the database's own).
 */
abstract class SourceProject {

	final Path dir;

	final DatabaseKind kind;

	SourceProject(Path dir, DatabaseKind kind) {
		this.dir = dir;
		this.kind = kind;
	}

	Path dir() {
		return this.dir;
	}

	Path file(String name) {
		return this.dir.resolve(name);
	}

	/** Write a file of the project, its directories too. */
	void write(String name, String text) {
		try {
			Path file = this.dir.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
