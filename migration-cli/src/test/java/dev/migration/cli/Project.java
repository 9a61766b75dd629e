package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A project directory for CLI tests: an application.yml pointing at a database and the
 * scripts folder {@code db/migration}.
 */
final class Project {

	private Project() {
	}

	static void create(Path dir, String url, String user, String password) {
		try {
			Files.createDirectories(dir.resolve("db/migration"));
			Files.writeString(dir.resolve("application.yml"), applicationYml(url, user, password, """
					migration:
					  locations: filesystem:db/migration
					"""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An application.yml naming the database.
	 * @param url the JDBC URL
	 * @param user the user
	 * @param password the password
	 * @param more what follows the datasource, e.g. a {@code migration:} section
	 * @return the file's text
	 */
	static String applicationYml(String url, String user, String password, String more) {
		return """
				spring:
				  datasource:
				    url: "%s"
				    username: "%s"
				    password: "%s"
				""".formatted(url, user, password) + more;
	}

	/**
	 * A SQL revision without parents.
	 * @param id the revision id
	 * @param message its message
	 * @param upgrade the upgrade section's SQL
	 * @param downgrade the downgrade section's SQL, {@code null} for none
	 * @return the script's text
	 */
	static String baseRevision(String id, String message, String upgrade, @Nullable String downgrade) {
		return """
				-- revision: %s
				-- migration: %s
				-- revises:

				-- +upgrade
				%s
				""".formatted(id, message, upgrade)
				+ ((downgrade != null) ? "\n-- +downgrade\n" + downgrade + "\n" : "");
	}

	/** The file of a revision written by {@code revision} or {@code merge}. */
	static Path file(Path dir, String id) {
		try (Stream<Path> files = Files.list(dir.resolve("db/migration"))) {
			List<Path> matches = files
				.filter((file) -> file.getFileName().toString().startsWith(id + "_")
						|| file.getFileName().toString().equals(id + ".sql"))
				.toList();
			if (matches.size() != 1) {
				throw new IllegalStateException("Expected one file for " + id + " but found " + matches);
			}
			return matches.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code revision -m <message> --rev-id <id> [options]}, then one table created and
	 * dropped in its sections.
	 */
	static void revision(Path dir, Consumer<String[]> cli, String id, String message, String... options) {
		String[] args = new String[options.length + 5];
		args[0] = "revision";
		args[1] = "-m";
		args[2] = message;
		args[3] = "--rev-id";
		args[4] = id;
		System.arraycopy(options, 0, args, 5, options.length);
		cli.accept(args);
		fill(dir, id, "CREATE TABLE t_" + id + " (id INT PRIMARY KEY);", "DROP TABLE t_" + id + ";");
	}

	/** Put statements into the empty sections of a generated revision file. */
	static void fill(Path dir, String id, String upgrade, @Nullable String downgrade) {
		Path file = file(dir, id);
		try {
			String text = Files.readString(file);
			String filled = text.replace("-- +upgrade\n\n\n-- +downgrade\n\n",
					"-- +upgrade\n" + upgrade + "\n\n-- +downgrade\n" + downgrade + "\n");
			if (filled.equals(text)) {
				throw new IllegalStateException(file + " is not an unedited template");
			}
			Files.writeString(file, filled);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
