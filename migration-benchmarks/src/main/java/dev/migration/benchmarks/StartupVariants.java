package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.migration.benchmarks.BenchDatabase.DbKind;
import dev.migration.benchmarks.BenchDatabase.Server;

/**
 * Prepares the start-up comparison of {@code startup/startup.sh}: one fresh PostgreSQL
 * schema per variant of the sample app (ours, Boot's Flyway integration, Boot's Liquibase
 * integration; the script migrates each with one unmeasured start) and the sample's
 * schema written as Flyway {@code V<n>__} files and a Liquibase formatted-SQL changelog,
 * from the sample's own scripts in apply order (its one Java revision, a backfill that
 * has nothing to do on an empty table, becomes an empty step).
 * <p>
 * {@code java -cp migration-benchmarks/target/benchmarks.jar
 * dev.migration.benchmarks.StartupVariants SCRIPTS_DIR OUT_DIR} prints, per variant, the
 * JDBC URL of its schema as {@code name=url} lines.
 */
public final class StartupVariants {

	private static final String JAVA_REVISION = "f3d5e7a9b168";

	private StartupVariants() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		if (args.length != 2) {
			System.err.println("Usage: StartupVariants SAMPLE_SCRIPTS_DIR OUT_DIR");
			System.exit(2);
		}
		Path scripts = Path.of(args[0]);
		Path out = Path.of(args[1]);
		String url = System.getenv("MIGRATION_TEST_POSTGRESQL_URL");
		if (url == null) {
			System.err.println("Set MIGRATION_TEST_POSTGRESQL_URL, _USER and _PASSWORD");
			System.exit(2);
		}
		Server server = new Server(DbKind.POSTGRESQL, url, env("MIGRATION_TEST_POSTGRESQL_USER"),
				env("MIGRATION_TEST_POSTGRESQL_PASSWORD"));
		List<Map.Entry<String, String>> ordered = upgradeSections(scripts);
		Path flyway = Files.createDirectories(out.resolve("flyway"));
		Path liquibase = Files.createDirectories(out.resolve("liquibase"));
		StringBuilder changelog = new StringBuilder("--liquibase formatted sql\n\n");
		int number = 1;
		for (Map.Entry<String, String> step : ordered) {
			String sql = step.getValue().isBlank() ? "SELECT 1;\n" : step.getValue();
			Files.writeString(flyway.resolve("V" + number + "__r" + step.getKey() + ".sql"), sql,
					StandardCharsets.UTF_8);
			changelog.append("--changeset sample:").append(number).append('\n').append(sql).append('\n');
			number++;
		}
		Files.writeString(liquibase.resolve("changelog.sql"), changelog, StandardCharsets.UTF_8);
		for (String variant : List.of("us", "flyway", "liquibase")) {
			String schema = "startup_" + variant;
			server.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			server.execute("CREATE SCHEMA " + schema);
			System.out.println(variant + "=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		}
	}

	/** Our scripts' upgrade sections in apply order, by revision id. */
	private static List<Map.Entry<String, String>> upgradeSections(Path dir) throws IOException {
		Map<String, List<String>> parents = new LinkedHashMap<>();
		Map<String, String> bodies = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).sorted().toList()) {
				String id = null;
				List<String> revises = List.of();
				StringBuilder body = new StringBuilder();
				boolean upgrade = false;
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					if (line.startsWith("-- revision:")) {
						id = line.substring(12).trim();
					}
					else if (line.startsWith("-- revises:")) {
						String value = line.substring(11).trim();
						revises = value.isEmpty() ? List.of() : List.of(value.split("\\s*,\\s*"));
					}
					else if (line.startsWith("-- +upgrade")) {
						upgrade = true;
					}
					else if (line.startsWith("-- +downgrade")) {
						upgrade = false;
					}
					else if (upgrade) {
						body.append(line).append('\n');
					}
				}
				parents.put(id, revises);
				bodies.put(id, body.toString().strip() + "\n");
			}
		}
		// the Java revision: after its parent, before its child
		for (Map.Entry<String, List<String>> entry : new ArrayList<>(parents.entrySet())) {
			if (entry.getValue().contains(JAVA_REVISION) && !parents.containsKey(JAVA_REVISION)) {
				parents.put(JAVA_REVISION, List.of("e8c0a2b4d657"));
				bodies.put(JAVA_REVISION, "");
			}
		}
		List<Map.Entry<String, String>> ordered = new ArrayList<>();
		List<String> done = new ArrayList<>();
		while (done.size() < parents.size()) {
			boolean progress = false;
			for (Map.Entry<String, List<String>> entry : parents.entrySet()) {
				if (!done.contains(entry.getKey()) && done.containsAll(entry.getValue())) {
					done.add(entry.getKey());
					ordered.add(Map.entry(entry.getKey(), bodies.get(entry.getKey())));
					progress = true;
				}
			}
			if (!progress) {
				throw new IllegalStateException("cannot order the sample's scripts: " + parents);
			}
		}
		return ordered;
	}

	private static String env(String name) {
		String value = System.getenv(name);
		return (value != null) ? value : "";
	}

}
