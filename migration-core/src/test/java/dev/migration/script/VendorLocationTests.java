package dev.migration.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.InvalidConfigurationException;
import dev.migration.MigrationConfig;
import dev.migration.Revision;
import dev.migration.command.Migrator;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code {vendor}} in a location names the folder of the database's vendor. */
class VendorLocationTests {

	@TempDir
	Path dir;

	private String scripts() throws IOException {
		write("common/a0_common.sql", "a0", "", "CREATE TABLE common_t (id INT);");
		for (String vendor : new String[] { "h2", "sqlite", "postgresql", "mariadb", "mysql" }) {
			write(vendor + "/b0_" + vendor + ".sql", "b0", "a0", "CREATE TABLE v_" + vendor + " (id INT);");
		}
		return "filesystem:" + this.dir;
	}

	private void write(String file, String id, String revises, String sql) throws IOException {
		Path path = this.dir.resolve(file);
		Files.createDirectories(path.getParent());
		Files.writeString(path, "-- migration: " + id + "\n-- revision: " + id + "\n-- revises: " + revises
				+ "\n\n-- +upgrade\n" + sql + "\n");
	}

	@EachDatabase
	void vendorFolderOfTheDatabaseIsLoaded(DatabaseKind kind, TestDatabase db) throws Exception {
		String root = scripts();
		String vendor = kind.name().toLowerCase();
		Migrator migrator = new Migrator(MigrationConfig.builder()
			.dataSource(db.dataSource())
			.locations(root + "/common", root + "/{vendor}")
			.build());
		assertThat(migrator.graph().get("b0").location()).isEqualTo(root + "/" + vendor + "/b0_" + vendor + ".sql");
		migrator.upgrade("heads");
		assertThat(db.query("SELECT COUNT(*) FROM v_" + vendor)).containsExactly(java.util.List.of("0"));
	}

	@Test
	void offlineVendorComesFromTheDialect() throws IOException {
		String root = scripts();
		Revision revision = new Migrator(MigrationConfig.builder()
			.dialect(Dialect.POSTGRESQL)
			.locations(root + "/common", root + "/{vendor}")
			.build()).graph().get("b0");
		assertThat(revision.location()).endsWith("/postgresql/b0_postgresql.sql");
	}

	@Test
	void vendorWithoutDatabaseOrDialectFailsNamingTheLocation() throws IOException {
		String root = scripts();
		Migrator migrator = new Migrator(MigrationConfig.builder().locations(root + "/{vendor}").build());
		assertThatExceptionOfType(InvalidConfigurationException.class).isThrownBy(migrator::graph)
			.withMessage("Invalid configuration: 'locations' entry '" + root
					+ "/{vendor}' names {vendor}, which needs the database: configure "
					+ "migration.url (or, offline, the dialect: --dialect)");
	}

}
