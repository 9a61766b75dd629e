package dev.migration.maven;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

import dev.migration.MigrationConfig;
import dev.migration.imports.ImportResult;
import dev.migration.imports.LiquibaseImport;

/**
 * {@code mvn migration:import-liquibase}: a Liquibase changelog's changesets become
 * revisions in {@code src/main/resources/db/migration}; with a database configured, its
 * {@code databasechangelog} is checked and the database stamped.
 */
@Mojo(name = "import-liquibase", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ImportLiquibaseMojo extends AbstractImportMojo {

	/**
	 * The master changelog (XML, YAML, JSON or formatted SQL); the default is Spring
	 * Boot's {@code spring.liquibase.change-log}.
	 */
	@Parameter(property = "migration.liquibase.changelog",
			defaultValue = "${project.basedir}/src/main/resources/db/changelog/db.changelog-master.yaml")
	File liquibaseChangelog;

	/**
	 * Where include paths that are not relative to their changelog start (Liquibase's
	 * search path; the class path root for a Spring Boot project).
	 */
	@Parameter(property = "migration.liquibase.search-path", defaultValue = "${project.basedir}/src/main/resources")
	File liquibaseSearchPath;

	/** Liquibase's changelog table. */
	@Parameter(property = "migration.liquibase.table", defaultValue = LiquibaseImport.DEFAULT_TABLE)
	String liquibaseTable;

	@Override
	ImportResult importInto(Path output, @Nullable MigrationConfig database) {
		Path searchPath = (this.liquibaseSearchPath != null && this.liquibaseSearchPath.isDirectory())
				? this.liquibaseSearchPath.toPath() : null;
		return LiquibaseImport.read(this.liquibaseChangelog.toPath(), searchPath, ImportLiquibaseMojo::yaml)
			.importInto(output, database, this.liquibaseTable);
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
