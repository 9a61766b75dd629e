package dev.migration.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.testing.DatabaseKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started before its database listens: with
 * {@code migration.connect-retries} it logs each retry, waits, and migrates once the port
 * answers (a proxy that starts forwarding to the real PostgreSQL only after the CLI's
 * first attempt failed); with none it fails at once, saying how to wait.
 */
class ConnectRetriesIT {

	private static final String REVISION = Project.baseRevision("aaa001", "create waited",
			"CREATE TABLE waited (id INT PRIMARY KEY);", null);

	@TempDir
	Path dir;

	@Test
	void theCliWaitsForADatabaseThatIsStillStartingLoggingEachRetry() throws Exception {
		try (ProcessDatabase database = ProcessDatabase.create(DatabaseKind.POSTGRESQL)) {
			int port = freePort();
			project(database, port);
			Path err = this.dir.resolve("err.txt");
			long started = System.nanoTime();
			Process process = start(err,
					Map.of("MIGRATION_CONNECT_RETRIES", "10", "MIGRATION_CONNECT_RETRIES_INTERVAL", "1s"));
			// the database "starts" only after the CLI found it down
			awaitLine(err, "retry 1 of 10", process);
			try (Proxy proxy = new Proxy(port, target(database.url()))) {
				assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
				long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
				String output = Files.readString(err);
				assertThat(process.exitValue()).as(output).isZero();
				assertThat(output.lines()
					.filter((line) -> line.contains("[WARN] Connector - Cannot connect to the "
							+ "database (DriverDataSource[jdbc:postgresql://127.0.0.1:" + port + "/")))
					.isNotEmpty()
					.allSatisfy((line) -> assertThat(line).containsPattern("; retry \\d+ of 10 in 1000 ms$"));
				assertThat(seconds).isGreaterThanOrEqualTo(1);
				assertThat(proxy.connections).isPositive();
			}
			assertThat(database.hasTable("waited")).isTrue();
		}
	}

	@Test
	void withoutRetriesTheCliFailsAtOnceNamingTheSetting() throws Exception {
		try (ProcessDatabase database = ProcessDatabase.create(DatabaseKind.POSTGRESQL)) {
			int port = freePort();
			project(database, port);
			long started = System.nanoTime();
			CliRunner.Result result = CliProcess.run(this.dir, "upgrade");
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			String url = "jdbc:postgresql://127.0.0.1:" + port + "/"
					+ URI.create(database.url().substring(5)).getPath().substring(1);
			assertThat(result.err()).startsWith("Error: Cannot connect to " + url)
				.contains(": Connection to 127.0.0.1:" + port + " refused.")
				.endsWith("; for a database that is still starting, set migration.connect-retries "
						+ "(MIGRATION_CONNECT_RETRIES) to wait for it\n")
				.doesNotContain("retry");
			// a JVM start and one refused connection, no wait
			assertThat(millis).isLessThan(30_000);
		}
	}

	private void project(ProcessDatabase database, int port) throws IOException {
		URI uri = URI.create(database.url().substring("jdbc:".length()));
		String url = "jdbc:postgresql://127.0.0.1:" + port + uri.getRawPath()
				+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		Files.writeString(this.dir.resolve("application.properties"), """
				spring.datasource.url=%s
				spring.datasource.username=%s
				spring.datasource.password=%s
				migration.locations=filesystem:db/migration
				""".formatted(url, database.user(), database.password()));
		Files.createDirectories(this.dir.resolve("db/migration"));
		Files.writeString(this.dir.resolve("db/migration/aaa001_waited.sql"), REVISION);
	}

	private Process start(Path err, Map<String, String> environment) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-jar", CliProcess.JAR.toAbsolutePath().toString(), "upgrade"));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().keySet().removeIf((name) -> name.startsWith("MIGRATION_") || name.startsWith("SPRING_"));
		builder.environment().putAll(environment);
		return builder.directory(this.dir.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(err.toFile())
			.start();
	}

	private static void awaitLine(Path file, String text, Process process) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (Files.exists(file) && Files.readString(file).contains(text)) {
				return;
			}
			if (!process.isAlive()) {
				throw new AssertionError("The CLI ended before retrying: " + Files.readString(file));
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new AssertionError("No '" + text + "' within 60 s: " + Files.readString(file));
	}

	private static InetSocketAddress target(String jdbcUrl) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		return new InetSocketAddress(uri.getHost(), (uri.getPort() > 0) ? uri.getPort() : 5432);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Forwards every connection on a port to the database, from when it is created. */
	private static final class Proxy implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> sockets = new ArrayList<>();

		volatile int connections;

		Proxy(int port, InetSocketAddress target) throws IOException {
			this.server = new ServerSocket();
			this.server.setReuseAddress(true);
			this.server.bind(new InetSocketAddress("127.0.0.1", port));
			daemon(() -> {
				try {
					while (true) {
						Socket client = this.server.accept();
						Socket database = new Socket(target.getHostString(), target.getPort());
						synchronized (this.sockets) {
							this.sockets.add(client);
							this.sockets.add(database);
						}
						this.connections++;
						pump(client, database);
						pump(database, client);
					}
				}
				catch (IOException ex) {
					// closed
				}
			});
		}

		private static void daemon(Runnable work) {
			Thread thread = new Thread(work, "proxy");
			thread.setDaemon(true);
			thread.start();
		}

		private static void pump(Socket from, Socket to) {
			daemon(() -> {
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					in.transferTo(out);
				}
				catch (IOException ex) {
					// one side closed
				}
			});
		}

		@Override
		public void close() {
			try {
				this.server.close();
				synchronized (this.sockets) {
					for (Socket socket : this.sockets) {
						socket.close();
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
