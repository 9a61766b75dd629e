package dev.migration.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;
import dev.migration.command.Migrator;
import dev.migration.sql.DriverDataSource;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Bad input, one case each: the exact message, and the database exactly as it was before.
 * Every case starts from three valid revisions with the first two applied, then breaks
 * one thing.
 */
class BadInputCatalogueTests extends ReliabilityTest {

	static final String R1 = "aaaa00000001";

	static final String R2 = "aaaa00000002";

	static final String R3 = "aaaa00000003";

	/** One bad input: how to break the set-up, what to run, the exact message. */
	record Case(String name, DatabaseKind kind, Breaker breaker, Function<Fixture, Object> action, String expected) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@FunctionalInterface
	interface Breaker {

		void breakIt(Fixture fixture) throws Exception;

	}

	/** The database, the scripts folder and a migrator on them. */
	record Fixture(TestDatabase db, Path folder) {

		Migrator migrator() {
			return migrator(MigrationConfig.builder());
		}

		Migrator migrator(MigrationConfigBuilder builder) {
			return new Migrator(builder.dataSource(this.db.dataSource())
				.locations("filesystem:" + this.folder)
				.lockTimeout(Duration.ofSeconds(5))
				.build());
		}

		Path file(String name) {
			return this.folder.resolve(name);
		}

		void write(String name, String text) throws IOException {
			Files.writeString(file(name), text);
		}

		String location(String name) {
			return "filesystem:" + file(name);
		}

	}

	static String script(String id, String revises, String extraHeader, String upgrade) {
		return "-- migration: step " + id + "\n-- revision: " + id + "\n"
				+ ((revises != null) ? "-- revises: " + revises + "\n" : "") + extraHeader + "\n-- +upgrade\n" + upgrade
				+ "\n-- +downgrade\nSELECT 1;\n";
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void badInputIsRefusedWithAnExactMessageAndNoChange(Case testCase) throws Exception {
		try (TestDatabase db = TestDatabase.create(testCase.kind())) {
			Path folder = Files.createDirectories(this.dir.resolve("m"));
			Fixture fixture = new Fixture(db, folder);
			fixture.write(R1 + "_one.sql", script(R1, null, "", "CREATE TABLE one (id INT);"));
			fixture.write(R2 + "_two.sql", script(R2, R1, "", "CREATE TABLE two (id INT);"));
			fixture.write(R3 + "_three.sql", script(R3, R2, "", "CREATE TABLE three (id INT);"));
			fixture.migrator().upgrade(R2);
			testCase.breaker().breakIt(fixture);
			List<Object> before = snapshot(db);
			Throwable thrown = catchThrowable(() -> testCase.action().apply(fixture));
			assertThat(thrown).as(testCase.name()).isNotNull();
			String message = FailureTests.connectionIdless(thrown.getMessage());
			assertThat(message).as(testCase.name())
				.isEqualTo(testCase.expected().replace("{dir}", folder.toString()).replace("{db}", db.name()));
			assertThat(snapshot(db)).as("database after " + testCase.name()).isEqualTo(before);
		}
	}

	/** Tables, the version table and the history table. */
	static List<Object> snapshot(TestDatabase db) {
		List<Object> snapshot = new ArrayList<>();
		snapshot.add(db.tables());
		snapshot.add(db.query("SELECT * FROM migration_version ORDER BY 1"));
		snapshot
			.add(db.query("SELECT revision, direction, success, statements_done FROM migration_history ORDER BY id"));
		return snapshot;
	}

	static Stream<Arguments> cases() {
		return Catalogue.cases().stream().map((each) -> Arguments.of(each));
	}

}
