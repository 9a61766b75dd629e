package dev.migration.script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.MigrationConfig;
import dev.migration.MigrationConfigBuilder;
import dev.migration.Revision;
import dev.migration.ScriptParseException;
import dev.migration.command.Migrator;
import dev.migration.sql.Dialect;
import dev.migration.testing.DatabaseKind;
import dev.migration.testing.EachDatabase;
import dev.migration.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ${name}} in SQL scripts: filled from {@code migration.placeholders.*} and the
 * built-ins on every database, online and offline, with the checksum of the script as
 * written.
 */
class PlaceholdersTests {

	private static final String ITEMS = """
			-- migration: items
			-- revision: p1
			-- revises:

			-- +upgrade
			CREATE TABLE ${prefix}items (id INT PRIMARY KEY, note VARCHAR(200));
			INSERT INTO ${prefix}items (id, note) VALUES (1, '${migration:schema}|${migration:user}|${migration:database}');
			INSERT INTO ${prefix}items (id, note) VALUES (2, '\\${kept} ${not a placeholder} $${x');

			-- +downgrade
			DROP TABLE ${prefix}items;
			""";

	@TempDir
	Path dir;

	private String location(String script) throws IOException {
		Files.writeString(this.dir.resolve("p1_items.sql"), script);
		return "filesystem:" + this.dir;
	}

	@EachDatabase
	void placeholdersAndBuiltInsAreFilledOnEveryDatabase(DatabaseKind kind, TestDatabase db) throws Exception {
		Migrator migrator = new Migrator(MigrationConfig.builder()
			.dataSource(db.dataSource())
			.locations(location(ITEMS))
			.placeholders(Map.of("prefix", "app_"))
			.build());
		migrator.upgrade("heads");
		List<List<String>> rows = db.query("SELECT note FROM app_items ORDER BY id");
		String[] builtIns = rows.get(0).get(0).split("\\|", -1);
		switch (kind) {
			case H2 -> assertThat(builtIns).containsExactly("PUBLIC", "SA", db.name().toUpperCase());
			case SQLITE -> assertThat(builtIns).containsExactly("main", "", "main");
			case POSTGRESQL -> assertThat(builtIns).containsExactly(db.name(), db.user(),
					db.query("SELECT current_database()").get(0).get(0));
			case MARIADB -> assertThat(builtIns).containsExactly(db.name(), db.user(), db.name());
		}
		assertThat(rows.get(1)).containsExactly("${kept} ${not a placeholder} $${x");
		migrator.downgrade("base");
		assertThat(migrator.current()).isEmpty();
	}

	@Test
	void checksumIsOfTheScriptAsWritten() throws IOException {
		MigrationConfigBuilder offline = MigrationConfig.builder()
			.dialect(Dialect.POSTGRESQL)
			.schema("app")
			.locations(location(ITEMS.replace("|${migration:user}|${migration:database}", "")));
		Revision asWritten = ScriptLoader.load(offline.placeholderReplacement(false).build()).get(0);
		Revision one = ScriptLoader
			.load(offline.placeholderReplacement(true).placeholders(Map.of("prefix", "one_")).build())
			.get(0);
		Revision two = ScriptLoader.load(offline.placeholders(Map.of("prefix", "two_")).build()).get(0);
		assertThat(((SqlMigration) one.migration()).upgradeScript()).contains("CREATE TABLE one_items")
			.contains("VALUES (1, 'app')");
		assertThat(((SqlMigration) two.migration()).upgradeScript()).contains("CREATE TABLE two_items");
		assertThat(one.checksum()).isNotNull().isEqualTo(two.checksum()).isEqualTo(asWritten.checksum());
		assertThat(one.migration().checksum()).isEqualTo(asWritten.checksum());
	}

	@Test
	void offlineSqlFillsPlaceholders() throws IOException {
		String sql = new Migrator(MigrationConfig.builder()
			.dialect(Dialect.POSTGRESQL)
			.schema("app")
			.locations(location(ITEMS.replace("|${migration:user}|${migration:database}", "")))
			.placeholders(Map.of("prefix", "app_"))
			.build()).upgradeSql("base:heads");
		assertThat(sql).contains("CREATE TABLE app_items (id INT PRIMARY KEY, note VARCHAR(200));")
			.contains("VALUES (1, 'app');")
			.contains("VALUES (2, '${kept} ${not a placeholder} $${x');")
			.doesNotContain("${prefix}");
	}

	@Test
	void placeholderWithoutValueFailsNamingFileAndLine() throws IOException {
		String location = location(ITEMS);
		Migrator migrator = new Migrator(
				MigrationConfig.builder().dialect(Dialect.H2).locations(location).placeholders(Map.of()).build());
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(migrator::graph)
			.withMessage(location + "/p1_items.sql:6: no value for placeholder ${prefix}; set "
					+ "migration.placeholders.prefix, write \\${prefix} for the literal text, or set "
					+ "migration.placeholder-replacement=false");
	}

	@Test
	void builtInWithoutDatabaseFailsNamingFileAndLine() throws IOException {
		String location = location(ITEMS);
		Migrator migrator = new Migrator(MigrationConfig.builder()
			.dialect(Dialect.H2)
			.locations(location)
			.placeholders(Map.of("prefix", "x_"))
			.build());
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(migrator::graph)
			.withMessage(location + "/p1_items.sql:7: placeholder ${migration:schema} has no value without a "
					+ "database connection; configure the database (migration.url) or, for the schema, "
					+ "migration.schema");
	}

	@Test
	void unknownBuiltInFailsListingTheBuiltIns() throws IOException {
		String location = location(ITEMS.replace("${migration:user}", "${migration:usr}"));
		Migrator migrator = new Migrator(MigrationConfig.builder()
			.dialect(Dialect.H2)
			.schema("app")
			.locations(location)
			.placeholders(Map.of("prefix", "x_"))
			.build());
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(migrator::graph)
			.withMessage(location + "/p1_items.sql:7: unknown built-in placeholder ${migration:usr}; the built-ins "
					+ "are ${migration:schema}, ${migration:user} and ${migration:database}");
	}

	@Test
	void replacementOffLeavesScriptsAsWritten() throws IOException {
		Revision revision = ScriptLoader
			.load(MigrationConfig.builder().locations(location(ITEMS)).placeholderReplacement(false).build())
			.get(0);
		assertThat(((SqlMigration) revision.migration()).upgradeScript()).contains("CREATE TABLE ${prefix}items")
			.contains("'${migration:schema}|");
	}

	@Test
	void dollarQuotedBodiesKeepTheirDollarsAndGetTheirPlaceholders() throws Exception {
		try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL)) {
			String script = """
					-- migration: function
					-- revision: p1
					-- revises:

					-- +upgrade
					CREATE FUNCTION ${prefix}greet() RETURNS text AS $body$
					BEGIN
					  RETURN $${"a": "${who}"}$$ || $t$${not_a_placeholder$t$;
					END;
					$body$ LANGUAGE plpgsql;
					""";
			new Migrator(MigrationConfig.builder()
				.dataSource(db.dataSource())
				.locations(location(script))
				.placeholders(Map.of("prefix", "app_", "who", "world"))
				.build()).upgrade("heads");
			assertThat(db.query("SELECT app_greet()"))
				.containsExactly(List.of("{\"a\": \"world\"}${not_a_placeholder"));
		}
	}

}
