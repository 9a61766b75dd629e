package dev.migration.actuator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migration.NewerDatabaseException;
import dev.migration.UnknownDatabaseRevisionException;
import dev.migration.actuator.MigrationsEndpoint.DataSourceMigrationsDescriptor;
import dev.migration.actuator.MigrationsEndpoint.RevisionDescriptor;
import dev.migration.command.Migrator;
import dev.migration.autoconfigure.DatabaseTest;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling deploy through the real starter: build v2 (scripts a..f) migrates the
 * database, then build v1 (scripts a..e) starts on it, as old pods keep (re)starting
 * while the new version rolls out.
 */
class RollingDeployTests {

	private static final String NEWER = "The database is ahead of this build: the version table migration_version "
			+ "holds f, which no script of this build defines, applied by a newer build on top of e (from the "
			+ "parents the history table recorded). Deploy the newer build, or set "
			+ "migration.on-newer-database=warn to let this build run on the newer schema";

	@TempDir
	Path dir;

	@DatabaseTest
	void anOlderBuildStartsOnADatabaseANewerBuildMigratedAndStaysUp(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			app(db, build("v2", "a", "b", "c", "d", "e", "f")).run((v2) -> {
				assertThat(v2).hasNotFailed();
				assertThat(v2.getBean(Migrator.class).current()).containsExactly("f");
			});
			for (String onStartup : List.of("upgrade", "validate")) {
				app(db, build("v1", "a", "b", "c", "d", "e")).withPropertyValues("migration.on-startup=" + onStartup)
					.run((v1) -> {
						assertThat(v1).as(onStartup).hasNotFailed();
						Health health = v1.getBean(MigrationsHealthIndicator.class).health();
						assertThat(health.getStatus()).isEqualTo(Status.UP);
						assertThat(health.getDetails()).containsEntry("ahead", List.of("f"))
							.containsEntry("pending", 0)
							.containsEntry("unknownRevisions", List.of());
						DataSourceMigrationsDescriptor endpoint = MigrationsActuatorTests.dataSource(v1);
						assertThat(endpoint.pending()).isEmpty();
						assertThat(endpoint.revisions())
							.extracting((revision) -> revision.id() + " " + revision.state())
							.containsExactly("e APPLIED", "d APPLIED", "c APPLIED", "b APPLIED", "a APPLIED",
									"f NEWER");
						assertThat(endpoint.revisions()).filteredOn((revision) -> revision.id().equals("f"))
							.extracting(RevisionDescriptor::revises)
							.containsExactly(List.of("e"));
						MeterRegistry registry = MigrationsActuatorTests.meters(v1);
						assertThat(registry.get("migration.pending").gauge().value()).isZero();
						assertThat(v1.getBean(Migrator.class).current()).containsExactly("f");
					});
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL" })
	void aheadStatusMakesHealthOutOfServiceOrDown(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			app(db, build("v2", "a", "b", "c", "d", "e", "f")).run((v2) -> assertThat(v2).hasNotFailed());
			for (String status : List.of("out-of-service", "down")) {
				app(db, build("v1", "a", "b", "c", "d", "e"))
					.withPropertyValues("migration.health.ahead-status=" + status)
					.run((v1) -> {
						assertThat(v1).hasNotFailed();
						Health health = v1.getBean(MigrationsHealthIndicator.class).health();
						assertThat(health.getStatus().getCode()).isEqualTo(status.toUpperCase().replace('-', '_'));
						assertThat(health.getDetails()).containsEntry("ahead", List.of("f"));
					});
			}
		}
	}

	@DatabaseTest
	void withOnNewerDatabaseFailTheOlderBuildRefusesToStart(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			app(db, build("v2", "a", "b", "c", "d", "e", "f")).run((v2) -> assertThat(v2).hasNotFailed());
			for (String onStartup : List.of("upgrade", "validate")) {
				app(db, build("v1", "a", "b", "c", "d", "e"))
					.withPropertyValues("migration.on-startup=" + onStartup, "migration.on-newer-database=fail")
					.run((v1) -> {
						assertThat(v1).as(onStartup).hasFailed();
						assertThat(v1.getStartupFailure()).rootCause()
							.isInstanceOf(NewerDatabaseException.class)
							.hasMessage(NEWER);
					});
			}
		}
	}

	@ParameterizedTest
	@EnumSource(value = DatabaseKind.class, names = { "H2", "POSTGRESQL" })
	void anUnknownHeadUnrelatedToTheBuildStillFailsStartup(DatabaseKind kind) {
		try (TestDatabase db = TestDatabase.create(kind)) {
			Path other = build("other", "a", "b", "c", "d", "e");
			write(other, "z", "");
			app(db, other).run((context) -> assertThat(context).hasNotFailed());
			app(db, build("v1", "a", "b", "c", "d", "e")).run((v1) -> {
				assertThat(v1).hasFailed();
				assertThat(v1.getStartupFailure()).rootCause()
					.isInstanceOf(UnknownDatabaseRevisionException.class)
					.hasMessageContaining("holds revision z that no script defines");
			});
		}
	}

	private static ApplicationContextRunner app(TestDatabase db, Path scripts) {
		return MigrationsActuatorTests.runner(db).withPropertyValues("migration.locations=filesystem:" + scripts);
	}

	/** One build's scripts: a linear chain of the given ids, each creating a table. */
	private Path build(String name, String... ids) {
		Path location = this.dir.resolve(name);
		String parent = "";
		for (String id : ids) {
			write(location, id, parent);
			parent = id;
		}
		return location;
	}

	private static void write(Path location, String id, String parent) {
		String revises = parent.isEmpty() ? "" : "-- revises: " + parent + "\n";
		try {
			Files.createDirectories(location);
			Files.writeString(location.resolve(id + "_table_" + id + ".sql"),
					"-- migration: Table " + id + "\n-- revision: " + id + "\n" + revises
							+ "\n-- +upgrade\nCREATE TABLE t_" + id
							+ " (id INT PRIMARY KEY);\n\n-- +downgrade\nDROP TABLE t_" + id + ";\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
