package dev.migration.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine.Parameters;

import dev.migration.MigrationConfig;
import dev.migration.imports.ImportResult;
import dev.migration.imports.LiquibaseImport;

/**
 * {@code migration import liquibase <changelog>}: a Liquibase changelog's changesets
 * become one revision chain; with a database, its {@code databasechangelog} is checked
 * and the database stamped.
 */
@Command(name = "liquibase", mixinStandardHelpOptions = true,
		description = "Import a Liquibase changelog (formatted SQL, or XML/YAML/JSON of sql/sqlFile changesets and includes) as "
				+ "revisions; with a database, check databasechangelog and stamp the revision of the last applied "
				+ "changeset.")
final class ImportLiquibaseCommand implements Callable<Integer> {

	@Mixin
	private ConnectionOptions connection;

	@Parameters(index = "0", paramLabel = "<changelog>",
			description = "The master changelog (XML, YAML, JSON or formatted SQL), e.g. "
					+ "src/main/resources/db/changelog/db.changelog-master.yaml.")
	private Path changelog;

	@Option(names = "--search-path", paramLabel = "<dir>",
			description = "Where include paths that are not relativeToChangelogFile start, e.g. src/main/resources "
					+ "(default: the changelog's directory and its parents).")
	private Path searchPath;

	@Option(names = "--output", paramLabel = "<dir>", defaultValue = "src/main/resources/db/migration",
			description = "Where the revisions are written (default: ${DEFAULT-VALUE}).")
	private Path output;

	@Option(names = "--liquibase-table", paramLabel = "<table>", defaultValue = LiquibaseImport.DEFAULT_TABLE,
			description = "Liquibase's changelog table, schema-qualified if needed (default: ${DEFAULT-VALUE}).")
	private String table;

	@Option(names = "--no-stamp", description = "Only write the revisions, even when a database is configured.")
	private boolean noStamp;

	@Override
	public Integer call() {
		Path workingDirectory = this.connection.workingDirectory();
		Path output = workingDirectory.resolve(this.output).normalize();
		MigrationConfig database = (this.noStamp || this.connection.settings().url() == null) ? null
				: this.connection.migrator().config();
		ImportResult result = LiquibaseImport
			.read(workingDirectory.resolve(this.changelog),
					(this.searchPath != null) ? workingDirectory.resolve(this.searchPath) : null,
					ImportLiquibaseCommand::yaml)
			.importInto(output, database, this.table);
		new ImportReport(this.connection.out()).print(result, output, database != null);
		return 0;
	}

	/** YAML and JSON changelogs, read with SnakeYAML (safe loading: no custom tags). */
	static Object yaml(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return new Yaml().load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
