package dev.migration.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run the launcher makes its class-data-sharing archive from, in the background after
 * a first run without one: the archive then holds what every command loads, whichever
 * command ran first. It touches nothing of the user's: in a private temporary directory
 * it binds an {@code application.yml} as the commands do, writes a few revisions (a
 * branch and its merge), and runs the commands on a private in-memory H2 database, and on
 * an H2 and a SQLite file database; a PostgreSQL and a MariaDB connection go to a local
 * socket that closes at once (the drivers' URL parsing and connection start, no server),
 * and the rest of the engine's and those drivers' classes are loaded without being run.
 * It exits with status 1 when a step did not end as expected, and the launcher then keeps
 * no archive.
 * <p>
 * {@code java -XX:ArchiveClassesAtExit=<archive> -cp migration.jar dev.migration.cli.ClassDataTraining}
 */
public final class ClassDataTraining {

	/** The jar's packages whose classes are loaded without being run. */
	private static final List<String> LOADED_PACKAGES = List.of("dev/migration/", "org/postgresql/",
			"org/mariadb/jdbc/", "org/sqlite/");

	/**
	 * Hibernate's part (autogenerate, check) stays out: its own start-up dwarfs what the
	 * archive saves; and SQLite's native libraries are not classes.
	 */
	private static final List<String> SKIPPED_PACKAGES = List.of("dev/migration/autogenerate/", "org/sqlite/native/");

	private final Path directory;

	private final Map<String, String> environment;

	private ClassDataTraining(Path directory) {
		this.directory = directory;
		this.environment = Map.of("MIGRATION_CONNECT_RETRIES", "0");
	}

	public static void main(String[] args) throws IOException {
		Path directory = Files.createTempDirectory("migration-training");
		int status = 0;
		try {
			new ClassDataTraining(directory).run();
		}
		catch (RuntimeException | IOException | LinkageError ex) {
			System.err.println("Training failed: " + ex);
			status = 1;
		}
		finally {
			delete(directory);
		}
		System.exit(status);
	}

	private void run() throws IOException {
		Files.writeString(this.directory.resolve("application.yml"), """
				spring:
				  datasource:
				    url: jdbc:h2:mem:training;DB_CLOSE_DELAY=-1
				    username: sa
				    password: ""
				migration:
				  locations: filesystem:db/migration
				  lock-timeout: 10
				""");
		cli(0, "--help");
		cli(0, "--version");
		cli(0, "current", "--help");
		cli(0, "init", "project");
		cli(0, "init", "--database", "sqlite", "lite");
		writeRevisions(Files.createDirectories(this.directory.resolve("db/migration")));
		cli(0, "heads", "--verbose");
		cli(0, "branches");
		cli(0, "merge", "-m", "join branches", "heads");
		cli(0, "revision", "-m", "add a column");
		cli(0, "history", "--verbose");
		cli(0, "current");
		cli(0, "upgrade", "heads", "--sql");
		cli(0, "status");
		cli(0, "upgrade", "heads");
		cli(0, "current");
		cli(0, "current", "--verbose", "--check-heads");
		cli(0, "current", "--json");
		cli(0, "history", "--indicate-current");
		cli(0, "heads");
		cli(0, "show", "head");
		cli(0, "validate");
		cli(0, "status", "--json");
		cli(0, "downgrade", "-1");
		cli(0, "stamp", "heads");
		cli(0, "downgrade", "base");
		cli(0, "upgrade");
		cli(1, "upgrade", "ffffffffffff");
		cli(2, "current", "--no-such-option");
		for (String url : List.of("jdbc:h2:file:" + this.directory.resolve("project/data/app"),
				"jdbc:sqlite:" + this.directory.resolve("lite/data/app.db"))) {
			cli(0, "upgrade", "heads", "--url", url);
			cli(0, "current", "--url", url);
		}
		try (ClosingServer server = new ClosingServer()) {
			cli(1, "current", "--url", "jdbc:postgresql://127.0.0.1:" + server.port() + "/training", "-u", "training");
			cli(1, "current", "--url", "jdbc:mariadb://127.0.0.1:" + server.port() + "/training", "-u", "training");
		}
		loadClasses();
	}

	/**
	 * Three revisions in two branches, in the scripts' format; H2 and SQLite run them.
	 */
	private static void writeRevisions(Path scripts) throws IOException {
		Files.writeString(scripts.resolve("a1b2c3d4e5f6_create_account.sql"), """
				-- migration: Create account
				-- revision: a1b2c3d4e5f6
				-- revises:
				-- created: 2026-01-01T00:00:00Z

				-- +upgrade
				CREATE TABLE account (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, status VARCHAR(20));
				INSERT INTO account (id, name, status) VALUES (1, 'first; with a semicolon', 'new');
				INSERT INTO account (id, name, status) VALUES (2, 'it''s quoted', 'active');

				-- +downgrade
				DROP TABLE account;
				""");
		Files.writeString(scripts.resolve("b2c3d4e5f6a1_index_account_name.sql"), """
				-- migration: Index account name
				-- revision: b2c3d4e5f6a1
				-- revises: a1b2c3d4e5f6
				-- created: 2026-01-02T00:00:00Z

				-- +upgrade
				/* a block comment; with a semicolon */
				CREATE INDEX account_name ON account (name);

				-- +downgrade
				DROP INDEX account_name;
				""");
		Files.writeString(scripts.resolve("c3d4e5f6a1b2_account_view.sql"), """
				-- migration: Account view
				-- revision: c3d4e5f6a1b2
				-- revises: a1b2c3d4e5f6
				-- created: 2026-01-03T00:00:00Z

				-- +upgrade
				CREATE VIEW active_account AS SELECT id, name FROM account WHERE status = 'active';
				UPDATE account SET status = 'active' WHERE id = 1;

				-- +downgrade
				DROP VIEW active_account;
				""");
	}

	/** Runs one command in the private directory, and checks its exit code. */
	private void cli(int expected, String... args) {
		StringWriter output = new StringWriter();
		PrintWriter writer = new PrintWriter(output, true);
		int exitCode = MigrationCli.commandLine(new MigrationCli(this.directory, this.environment), args)
			.setOut(writer)
			.setErr(writer)
			.execute(args);
		if (exitCode != expected) {
			throw new IllegalStateException("migration " + String.join(" ", args) + " exited with " + exitCode
					+ " instead of " + expected + ":\n" + output);
		}
	}

	/** Loads (without initialising) the classes of {@link #LOADED_PACKAGES}. */
	private static void loadClasses() throws IOException {
		String jar = System.getProperty("java.class.path");
		ClassLoader loader = ClassDataTraining.class.getClassLoader();
		try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
			List<String> names = new ArrayList<>();
			file.stream().map(java.util.jar.JarEntry::getName).filter(ClassDataTraining::loaded).forEach(names::add);
			for (String name : names) {
				try {
					Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false,
							loader);
				}
				catch (ClassNotFoundException | LinkageError ex) {
					// a class needing what is not in the jar (optional dependencies):
					// never loaded by a command either
				}
			}
		}
	}

	private static boolean loaded(String name) {
		return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.contains("module-info")
				&& LOADED_PACKAGES.stream().anyMatch(name::startsWith)
				&& SKIPPED_PACKAGES.stream().noneMatch(name::startsWith);
	}

	private static void delete(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			// a temporary directory left behind
		}
	}

	/**
	 * A local socket that accepts connections and closes them at once: a driver gets as
	 * far as its first read.
	 */
	private static final class ClosingServer implements AutoCloseable {

		private final ServerSocket socket;

		ClosingServer() throws IOException {
			this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
			Thread thread = new Thread(this::serve, "training-server");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept(); InputStream in = connection.getInputStream()) {
					// closed unanswered
				}
				catch (IOException ex) {
					// closed: training over
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
