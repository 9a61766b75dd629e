package dev.migration.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History times are instants: written by a JVM in one zone, they read the same in a JVM
 * in another zone and in the database itself, and tables an older version of the tool
 * wrote in the JVM's zone are upgraded in place to the current format, their rows kept.
 * Writer and reader are separate JVMs started with {@code -Duser.timezone}.
 */
class HistoryTimeZoneTests {

	private static final String WRITER_ZONE = "America/New_York";

	private static final String READER_ZONE = "Asia/Kolkata";

	@TempDir
	Path dir;

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void timesWrittenInOneZoneReadTheSameInAnother(DatabaseKind kind) throws Exception {
		try (TestDatabase db = database(kind)) {
			Scripts scripts = new Scripts(this.dir).linear();
			Instant before = Instant.now().minusSeconds(1);
			run(WRITER_ZONE, db, scripts, "upgrade");
			Instant after = Instant.now().plusSeconds(1);
			Map<String, Instant> read = log(db, scripts);
			assertThat(read).containsOnlyKeys("a1", "a2", "a3");
			assertThat(read.values()).allSatisfy((at) -> assertThat(at).isBetween(before, after));
			assertStoredAsUtc(db, kind);
		}
	}

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void historyOfTheOldFormatIsUpgradedInPlaceAndKeepsItsTimes(DatabaseKind kind) throws Exception {
		try (TestDatabase db = database(kind)) {
			Scripts scripts = new Scripts(this.dir).linear();
			Instant applied = Instant.parse("2026-06-01T15:37:05.123Z");
			run(WRITER_ZONE, db, scripts, "legacy", applied.toString());
			run(WRITER_ZONE, db, scripts, "upgrade");
			Map<String, Instant> read = log(db, scripts);
			assertThat(read).containsOnlyKeys("a1", "a2", "a3");
			assertThat(read.get("a1")).isEqualTo(applied);
			assertThat(Rows.history(db)).containsExactly("a1 UPGRADE ok 1/1", "a2 UPGRADE ok 1/1", "a3 UPGRADE ok 1/1");
			assertThat(db.query("SELECT format_version FROM migration_history_format"))
				.containsExactly(List.of(String.valueOf(TableFormat.CURRENT)));
			assertThat(db.query("SELECT revision, parents FROM migration_history ORDER BY id"))
				.containsExactly(Arrays.asList("a1", null), List.of("a2", "a1"), List.of("a3", "a2"));
			assertStoredAsUtc(db, kind);
			// a second run finds the current format and changes nothing
			run(READER_ZONE, db, scripts, "upgrade");
			assertThat(log(db, scripts).get("a1")).isEqualTo(applied);
		}
	}

	/** In-memory H2 does not outlive a JVM: H2 gets a file database here. */
	private TestDatabase database(DatabaseKind kind) {
		if (kind != DatabaseKind.H2) {
			return TestDatabase.create(kind);
		}
		return TestDatabase.h2File(this.dir.resolve("h2"));
	}

	/** What the database itself says: each time is within a minute of its own now. */
	private static void assertStoredAsUtc(TestDatabase db, DatabaseKind kind) {
		String sql = switch (kind) {
			case POSTGRESQL -> "SELECT EXTRACT(EPOCH FROM (now() - started_at)) FROM migration_history "
					+ "WHERE revision <> 'a1' OR parents IS NOT NULL";
			case MARIADB -> "SELECT TIMESTAMPDIFF(SECOND, started_at, UTC_TIMESTAMP(3)) FROM migration_history "
					+ "WHERE revision <> 'a1' OR parents IS NOT NULL";
			case SQLITE -> "SELECT (CAST(strftime('%s', 'now') AS INTEGER) * 1000 - started_at) / 1000.0 "
					+ "FROM migration_history WHERE revision <> 'a1' OR parents IS NOT NULL";
			case H2 -> null;
		};
		if (sql == null) {
			assertThat(db.query("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = "
					+ "'MIGRATION_HISTORY' AND COLUMN_NAME IN ('STARTED_AT', 'FINISHED_AT')"))
				.containsOnly(List.of("TIMESTAMP WITH TIME ZONE"));
			return;
		}
		List<List<String>> ages = db.query(sql);
		assertThat(ages).isNotEmpty();
		assertThat(ages).allSatisfy((age) -> assertThat(Double.parseDouble(age.get(0))).isBetween(-5.0, 120.0));
	}

	private Map<String, Instant> log(TestDatabase db, Scripts scripts) throws Exception {
		Map<String, Instant> times = new LinkedHashMap<>();
		for (String line : run(READER_ZONE, db, scripts, "log")) {
			if (line.startsWith("entry ")) {
				String[] parts = line.split(" ");
				times.put(parts[1], Instant.parse(parts[2]));
			}
		}
		return times;
	}

	private List<String> run(String zone, TestDatabase db, Scripts scripts, String mode, @Nullable String... extra)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.timezone=" + zone,
						"-cp", System.getProperty("java.class.path"), ZonedRun.class.getName(), mode, db.url(),
						db.user(), db.password(), scripts.location()));
		for (String each : extra) {
			command.add(each);
		}
		Path output = this.dir.resolve(mode + "-" + System.nanoTime() + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", mode).isTrue();
		List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as("%s in %s: %s", mode, zone, lines).isZero();
		return lines;
	}

}
