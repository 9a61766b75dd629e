package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a new revision file from a template with its header filled in: a SQL script
 * {@code <id>_<slug>.sql}, or a Java class implementing {@code Migration}.
 */
final class RevisionWriter {

	static final Pattern ID = Pattern.compile("[A-Za-z0-9_]+");

	/** Alembic truncates slugs at 40 characters, at a word boundary. */
	private static final int SLUG_LENGTH = 40;

	private RevisionWriter() {
	}

	/** 12 random hex characters, as Alembic makes them. */
	static String newId() {
		String hex = UUID.randomUUID().toString().replace("-", "");
		return hex.substring(hex.length() - 12);
	}

	/**
	 * The file-name part made from a message: lower case, ASCII letters and digits, runs
	 * of anything else turned into one {@code _}, cut at a word boundary after 40
	 * characters.
	 */
	static String slug(String message) {
		String ascii = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (slug.length() > SLUG_LENGTH) {
			String cut = slug.substring(0, SLUG_LENGTH);
			int underscore = cut.lastIndexOf('_');
			slug = (underscore > 0 && slug.charAt(SLUG_LENGTH) != '_') ? cut.substring(0, underscore) : cut;
		}
		return slug;
	}

	static Path write(Path directory, NewRevision revision, boolean java) {
		try {
			Files.createDirectories(directory);
			String slug = slug(revision.message());
			Path file;
			String text;
			if (java) {
				String className = "R" + revision.id() + (slug.isEmpty() ? "" : "_" + slug);
				file = directory.resolve(className + ".java");
				text = javaSource(revision, className, packageOf(directory));
			}
			else {
				file = directory.resolve(revision.id() + (slug.isEmpty() ? "" : "_" + slug) + ".sql");
				text = sqlScript(revision);
			}
			if (Files.exists(file)) {
				throw new CliException("File " + file + " exists already; pass another --rev-id or message");
			}
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the revision file in " + directory, ex);
		}
	}

	static String sqlScript(NewRevision revision) {
		StringBuilder text = new StringBuilder();
		text.append("-- migration: ").append(revision.message().replaceAll("\\R", " ")).append('\n');
		text.append("-- revision: ").append(revision.id()).append('\n');
		if (!revision.revises().isEmpty()) {
			text.append("-- revises: ").append(String.join(", ", revision.revises())).append('\n');
		}
		text.append("-- created: ").append(revision.created()).append('\n');
		if (!revision.branchLabels().isEmpty()) {
			text.append("-- branch-labels: ").append(String.join(", ", revision.branchLabels())).append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			text.append("-- depends-on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		text.append("\n-- +upgrade\n\n\n-- +downgrade\n\n");
		return text.toString();
	}

	static String javaSource(NewRevision revision, String className, String packageName) {
		StringBuilder text = new StringBuilder();
		if (!packageName.isEmpty()) {
			text.append("package ").append(packageName).append(";\n\n");
		}
		text.append("import dev.migration.Migration;\nimport dev.migration.MigrationContext;\n");
		text.append("import dev.migration.RevisionInfo;\n\n");
		text.append("@RevisionInfo(id = ").append(quote(revision.id()));
		text.append(", revises = ").append(array(revision.revises()));
		text.append(",\n\t\tmessage = ").append(quote(revision.message()));
		text.append(", created = ").append(quote(revision.created().toString()));
		if (!revision.branchLabels().isEmpty()) {
			text.append(",\n\t\tbranchLabels = ").append(array(revision.branchLabels()));
		}
		if (!revision.dependsOn().isEmpty()) {
			text.append(",\n\t\tdependsOn = ").append(array(revision.dependsOn()));
		}
		text.append(")\npublic class ").append(className).append(" implements Migration {\n\n");
		text.append("\t@Override\n\tpublic void upgrade(MigrationContext context) throws Exception {\n");
		text.append("\t\t// context.execute(\"...\") runs (or, with --sql, prints) one statement\n\t}\n\n");
		text.append("\t@Override\n\tpublic void downgrade(MigrationContext context) throws Exception {\n\t}\n\n");
		text.append("}\n");
		return text.toString();
	}

	/**
	 * The Java package of a directory under {@code src/main/java} (or any {@code java}
	 * root).
	 */
	static String packageOf(Path directory) {
		String path = directory.toAbsolutePath().normalize().toString().replace('\\', '/');
		int root = path.lastIndexOf("/java/");
		if (root < 0) {
			return "";
		}
		return path.substring(root + "/java/".length()).replace('/', '.');
	}

	private static String quote(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\R", " ") + '"';
	}

	private static String array(List<String> values) {
		return values.stream()
			.map(RevisionWriter::quote)
			.collect(Collectors.joining(", ", "{ ", " }"))
			.replace("{  }", "{}");
	}

	/**
	 * The header of a revision to write.
	 *
	 * @param id the revision id
	 * @param message the message
	 * @param revises parents
	 * @param dependsOn dependencies
	 * @param branchLabels labels
	 * @param created when it is written
	 */
	record NewRevision(String id, String message, List<String> revises, List<String> dependsOn,
			List<String> branchLabels, Instant created) {

		NewRevision {
			revises = List.copyOf(revises);
			dependsOn = List.copyOf(dependsOn);
			branchLabels = List.copyOf(branchLabels);
			created = created.truncatedTo(ChronoUnit.SECONDS);
		}

	}

}
