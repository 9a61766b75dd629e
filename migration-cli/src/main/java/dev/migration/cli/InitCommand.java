package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code migration init [dir]}: a scripts folder and a commented {@code application.yml}
 * on an embedded database, so that the first {@code upgrade} needs no server.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Create db/migration and an application.yml using an embedded H2 (or SQLite) file database.")
final class InitCommand implements Callable<Integer> {

	@ParentCommand
	private MigrationCli cli;

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "0..1", defaultValue = ".", paramLabel = "<dir>",
			description = "Directory to create or fill; must be empty (default: the working directory).")
	private Path directory;

	@Option(names = "--database", defaultValue = "h2", paramLabel = "h2|sqlite",
			description = "Embedded database of the generated settings: ${COMPLETION-CANDIDATES} (default: h2).")
	private Embedded database;

	@Override
	public Integer call() {
		Path target = this.cli.workingDirectory().resolve(this.directory).normalize();
		try {
			if (Files.exists(target) && !isEmptyDirectory(target)) {
				throw new CliException("Directory " + target + " is not empty; 'migration init' only fills a new or "
						+ "empty directory. Run it in an empty one, or name a new one: 'migration init my-project'");
			}
			Files.createDirectories(target.resolve("db/migration"));
			if (this.database == Embedded.SQLITE) {
				Files.createDirectories(target.resolve("data"));
			}
			Files.writeString(target.resolve("application.yml"), applicationYml(this.database));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot initialise " + target, ex);
		}
		String shown = target.equals(this.cli.workingDirectory()) ? ""
				: this.cli.workingDirectory().relativize(target) + "/";
		var out = this.spec.commandLine().getOut();
		out.println("Created " + shown + "db/migration/ for revision scripts");
		out.println("Created " + shown + "application.yml (embedded " + this.database.title + " database in " + shown
				+ "data/)");
		out.println("Next: migration revision -m \"create account table\", write its SQL, then migration upgrade");
		out.flush();
		return 0;
	}

	private static boolean isEmptyDirectory(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return false;
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	static String applicationYml(Embedded database) {
		return """
				# Settings of the `migration` command line. They are the keys the Spring Boot starter
				# binds, so this file can become (part of) your application's application.yml.
				# Flags (--url, --user, --password, --locations, --schema) and environment variables
				# (SPRING_DATASOURCE_URL, MIGRATION_LOCATIONS, ...) override them;
				# `--profile prod` also reads application-prod.yml.
				spring:
				  datasource:
				    # %s
				    # Relative paths are relative to the directory you run `migration` in.
				    # A server instead: jdbc:postgresql://localhost:5432/app or jdbc:mariadb://localhost:3306/app
				    url: %s
				    username: %s
				    password: ""

				migration:
				  # Where revision scripts are; `migration revision` writes new ones to the first.
				  locations: filesystem:db/migration
				  # Schema of the version and history tables (default: the connection's).
				  # schema: app
				  # version-table: migration_version
				  # history-table: migration_history
				  # Seconds to wait for the migration lock held by another run.
				  # lock-timeout: 60
				  # Fail when an applied script was edited afterwards.
				  # validate-checksums: true
				""".formatted(database.comment, database.url, database.user);
	}

	/** The databases {@code init} can set up without a server. */
	enum Embedded {

		H2("H2", "jdbc:h2:file:./data/app", "sa", "An embedded H2 database in data/app.mv.db: nothing to install."),

		SQLITE("SQLite", "jdbc:sqlite:data/app.db", "\"\"", "An embedded SQLite database in data/app.db.");

		private final String title;

		private final String url;

		private final String user;

		private final String comment;

		Embedded(String title, String url, String user, String comment) {
			this.title = title;
			this.url = url;
			this.user = user;
			this.comment = comment;
		}

	}

}
