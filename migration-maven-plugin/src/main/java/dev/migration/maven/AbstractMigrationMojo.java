package dev.migration.maven;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
import dev.migration.autoconfigure.MigrationSettings;
import dev.migration.autoconfigure.MigrationSettingsLoader;
import dev.migration.command.Migrator;

/**
 * What every goal shares: the project's compiled classes and dependencies on a class
 * loader, and the settings the starter would bind ({@code migration.*},
 * {@code spring.datasource.*}) from the project's {@code application.yml} /
 * {@code .properties}, its profiles ({@code -Dspring.profiles.active}), environment
 * variables and {@code -D} properties, read by {@link MigrationSettingsLoader}.
 */
abstract class AbstractMigrationMojo extends AbstractMojo {

	@Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true)
	List<String> classpathElements = new ArrayList<>();

	@Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
	File outputDirectory;

	@Parameter(defaultValue = "${project.basedir}", readonly = true)
	File basedir;

	/** Where {@code application.yml} / {@code application.properties} are. */
	@Parameter(defaultValue = "${project.basedir}/src/main/resources")
	File resources;

	/** {@code -D} properties: every {@code migration.*} and {@code spring.*} key. */
	@Parameter(defaultValue = "${session.userProperties}", readonly = true)
	Properties userProperties = new Properties();

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

	Map<String, String> environment = System.getenv();

	private @Nullable MigrationSettings settings;

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
		catch (IOException ex) {
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

	MigrationSettings settings() {
		if (this.settings == null) {
			Map<String, Object> overrides = new LinkedHashMap<>();
			this.userProperties.stringPropertyNames()
				.stream()
				.filter((name) -> name.startsWith("migration.") || name.startsWith("spring."))
				.forEach((name) -> overrides.put(name, this.userProperties.getProperty(name)));
			putIfSet(overrides, "migration.url", this.url);
			putIfSet(overrides, "migration.user", this.user);
			putIfSet(overrides, "migration.password", this.password);
			putIfSet(overrides, "migration.locations", this.locations);
			putIfSet(overrides, "migration.schema", this.schema);
			File base = (this.basedir != null) ? this.basedir : new File(".");
			this.settings = new MigrationSettingsLoader(base.toPath(), this.environment).load(this.resources.toPath(),
					List.of(), overrides);
		}
		return this.settings;
	}

	private static void putIfSet(Map<String, Object> overrides, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			overrides.put(name, value);
		}
	}

	Migrator migrator(ClassLoader projectLoader) throws MojoFailureException {
		MigrationSettings settings = settings();
		DataSource dataSource = settings.dataSource(projectLoader);
		if (dataSource == null) {
			throw new MojoFailureException("No database: set migration.url (or spring.datasource.url) in "
					+ "src/main/resources/application.yml, or pass -Dmigration.url=jdbc:...");
		}
		return new Migrator(settings.configBuilder().dataSource(dataSource).classLoader(projectLoader).build());
	}

}
