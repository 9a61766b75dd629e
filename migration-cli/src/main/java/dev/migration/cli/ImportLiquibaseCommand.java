package dev.migration.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.jspecify.annotations.Nullable;
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
final class ImportLiquibaseCommand extends ImportToolCommand {

	@Parameters(index = "0", paramLabel = "<changelog>",
			description = "The master changelog (XML, YAML, JSON or formatted SQL), e.g. "
					+ "src/main/resources/db/changelog/db.changelog-master.yaml.")
	private Path changelog;

	@Option(names = "--search-path", paramLabel = "<dir>",
			description = "Where include paths that are not relativeToChangelogFile start, e.g. src/main/resources "
					+ "(default: the changelog's directory and its parents).")
	private Path searchPath;

	@Option(names = "--liquibase-table", paramLabel = "<table>", defaultValue = LiquibaseImport.DEFAULT_TABLE,
			description = "Liquibase's changelog table, schema-qualified if needed (default: ${DEFAULT-VALUE}).")
	private String table;

	@Override
	ImportResult importInto(Path output, @Nullable MigrationConfig database) {
		Path workingDirectory = this.connection.workingDirectory();
		Path searchPath = (this.searchPath != null) ? workingDirectory.resolve(this.searchPath) : null;
		return LiquibaseImport.read(workingDirectory.resolve(this.changelog), searchPath, ImportLiquibaseCommand::yaml)
			.importInto(output, database, this.table);
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
