package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
			Files.writeString(dir.resolve("application.yml"), """
					spring:
					  datasource:
					    url: "%s"
					    username: "%s"
					    password: "%s"
					migration:
					  locations: filesystem:db/migration
					""".formatted(url, user, password));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
	static void fill(Path dir, String id, String upgrade, String downgrade) {
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
