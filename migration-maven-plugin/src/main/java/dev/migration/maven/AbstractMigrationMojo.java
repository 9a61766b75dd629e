package dev.migration.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.command.Migrator;

/**
 * What every goal shares: the project's compiled classes and dependencies on a class
 * loader, and the settings from {@code -Dmigration.*}, else the project's
 * {@code application.yml}/{@code .properties} ({@code migration.*}, then
 * {@code spring.datasource.*}).
 */
abstract class AbstractMigrationMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
	List<String> classpathElements = new ArrayList<>();

	@Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
	File outputDirectory;

	@Parameter(defaultValue = "${project.basedir}/src/main/resources")
	File resources;

	/** JDBC URL; default {@code migration.url} or {@code spring.datasource.url}. */
	@Parameter(property = "migration.url")
	String url;

	@Parameter(property = "migration.user")
	String user;

	@Parameter(property = "migration.password")
	String password;

	/** Script locations, comma separated; default {@code classpath:db/migration}. */
	@Parameter(property = "migration.locations")
	String locations;

	@Parameter(property = "migration.schema")
	String schema;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		try (URLClassLoader loader = projectClassLoader()) {
			Thread.currentThread().setContextClassLoader(loader);
			run(loader);
		}
		catch (MigrationException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		catch (java.io.IOException ex) {
			throw new MojoExecutionException(ex.getMessage(), ex);
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
	}

	abstract void run(ClassLoader projectLoader) throws MojoExecutionException, MojoFailureException;

	URLClassLoader projectClassLoader() throws MojoExecutionException {
		List<URL> urls = new ArrayList<>();
		List<String> elements = new ArrayList<>(this.classpathElements);
		if (this.outputDirectory != null && !elements.contains(this.outputDirectory.getPath())) {
			elements.add(0, this.outputDirectory.getPath());
		}
		for (String element : elements) {
			try {
				urls.add(new File(element).toURI().toURL());
			}
			catch (MalformedURLException ex) {
				throw new MojoExecutionException("Bad classpath element " + element, ex);
			}
		}
		return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
	}

	Migrator migrator(ClassLoader projectLoader) throws MojoFailureException {
		ProjectSettings settings = ProjectSettings.load(this.resources.toPath());
		String jdbcUrl = first(this.url, settings.get("migration.url", "spring.datasource.url"));
		if (jdbcUrl == null) {
			throw new MojoFailureException("No database: set migration.url (or spring.datasource.url) in "
					+ "src/main/resources/application.yml, or pass -Dmigration.url=jdbc:...");
		}
		String jdbcUser = first(this.user, settings.get("migration.user", "spring.datasource.username"));
		String jdbcPassword = first(this.password, settings.get("migration.password", "spring.datasource.password"));
		String where = first(this.locations, settings.get("migration.locations"));
		MigrationConfig.Builder builder = MigrationConfig.builder()
			.dataSource(new ProjectDataSource(jdbcUrl, jdbcUser, jdbcPassword, projectLoader))
			.classLoader(projectLoader)
			.schema(first(this.schema, settings.get("migration.schema")));
		if (where != null) {
			builder.locations(Arrays.stream(where.split(",")).map(String::trim).toList());
		}
		String versionTable = settings.get("migration.version-table");
		if (versionTable != null) {
			builder.versionTable(versionTable);
		}
		String historyTable = settings.get("migration.history-table");
		if (historyTable != null) {
			builder.historyTable(historyTable);
		}
		return new Migrator(builder.build());
	}

	static @Nullable String first(@Nullable String value, @Nullable String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
