package dev.migration.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.migration.MigrationConfig;
import dev.migration.MigrationTargets;
import dev.migration.sql.DriverDataSource;
import dev.migration.tenant.TenantMigrator;
import dev.migration.tenant.TenantRun;

/**
 * Many tenant schemas in one run on PostgreSQL: {@code tenants} schemas, each upgraded
 * through {@code revisions} revisions (a table and a row each), with
 * {@code migration.parallelism} connections. Prints the wall time and the peak of
 * connections, as the engine counted them and as the server saw them (sampled from
 * {@code pg_stat_activity} for a database of the benchmark's own). Usage:
 * {@code java -cp migration-benchmarks.jar dev.migration.benchmarks.TenantBenchmark
 * jdbc:postgresql://127.0.0.1:5432/ postgres 1000 20 8}.
 */
public final class TenantBenchmark {

	private TenantBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String server = (args.length > 0) ? args[0] : "jdbc:postgresql://127.0.0.1:5432/";
		String user = (args.length > 1) ? args[1] : "postgres";
		int tenants = (args.length > 2) ? Integer.parseInt(args[2]) : 1000;
		int revisions = (args.length > 3) ? Integer.parseInt(args[3]) : 20;
		int parallelism = (args.length > 4) ? Integer.parseInt(args[4]) : 8;
		String database = "bench_tenants";
		try (Connection admin = DriverManager.getConnection(server + "postgres", user, "");
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
		Path scripts = Files.createTempDirectory("tenant-bench");
		for (int i = 1; i <= revisions; i++) {
			Files.writeString(scripts.resolve(String.format("r%03d_step.sql", i)),
					"-- migration: step " + i + "\n-- revision: r" + String.format("%03d", i) + "\n"
							+ ((i > 1) ? "-- revises: r" + String.format("%03d", i - 1) + "\n" : "") + "\n-- +upgrade\n"
							+ "CREATE TABLE t" + i + " (id INT PRIMARY KEY, name VARCHAR(50));\nINSERT INTO t" + i
							+ " VALUES (" + i + ", 'row');\n");
		}
		List<String> schemas = new ArrayList<>();
		for (int i = 1; i <= tenants; i++) {
			schemas.add(String.format("tenant_%04d", i));
		}
		String url = server + database;
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger serverPeak = new AtomicInteger();
		Thread sampler = new Thread(() -> sample(server + "postgres", user, database, running, serverPeak));
		sampler.setDaemon(true);
		sampler.start();
		MigrationConfig config = MigrationConfig.builder()
			.dataSource(new DriverDataSource(url, user, ""))
			.locations("filesystem:" + scripts)
			.build();
		TenantRun run = new TenantMigrator(config, MigrationTargets.of(schemas), parallelism).upgrade("heads");
		running.set(false);
		sampler.join();
		int applied = run.tenants().stream().mapToInt((tenant) -> tenant.applied()).sum();
		System.out.printf(
				"tenants=%d revisions=%d parallelism=%d: %s; %d revisions applied in %.1f s "
						+ "(%.1f ms per schema); peak connections %d (engine) / %d (server, sampled every 20 ms)%n",
				tenants, revisions, parallelism, run.summary(), applied, run.duration().toMillis() / 1000.0,
				run.duration().toMillis() / (double) tenants, run.peakConnections(), serverPeak.get());
		long start = System.nanoTime();
		TenantRun again = new TenantMigrator(config, MigrationTargets.of(schemas), parallelism).upgrade("heads");
		System.out.printf("second run (nothing to do): %s in %.1f s%n", again.summary(),
				(System.nanoTime() - start) / 1e9);
	}

	private static void sample(String url, String user, String database, AtomicBoolean running, AtomicInteger peak) {
		try (Connection connection = DriverManager.getConnection(url, user, "");
				Statement statement = connection.createStatement()) {
			while (running.get()) {
				try (ResultSet rs = statement
					.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" + database + "'")) {
					rs.next();
					peak.accumulateAndGet(rs.getInt(1), Math::max);
				}
				Thread.sleep(20);
			}
		}
		catch (Exception ex) {
			System.err.println("sampling failed: " + ex.getMessage());
		}
	}

}
