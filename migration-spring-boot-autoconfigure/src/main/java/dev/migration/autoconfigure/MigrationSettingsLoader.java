package dev.migration.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

import dev.migration.InvalidConfigurationException;

/**
 * Reads {@code migration.*} and {@code spring.datasource.*} the way a Spring Boot
 * application does, with Boot's own loaders and {@link Binder}, for the front ends that
 * run without an application context (the CLI, the Maven plugin). Lowest precedence
 * first: {@code application.properties} / {@code .yml} / {@code .yaml}, each active
 * profile's {@code application-<profile>.*} (later profiles win), environment variables
 * with Boot's relaxed names ({@code MIGRATION_LOCK_TIMEOUT},
 * {@code SPRING_DATASOURCE_URL}), then the caller's overrides (flags, {@code -D}).
 * {@code ${...}} placeholders resolve against all of them. The mapping to the core
 * configuration is {@link MigrationProperties#toConfig}, as in the starter.
 */
public final class MigrationSettingsLoader {

	private static final List<String> EXTENSIONS = List.of("properties", "yml", "yaml");

	private final Path workingDirectory;

	private final Map<String, String> environment;

	private final boolean classpathFromSources;

	/**
	 * A loader for a project.
	 * @param workingDirectory what relative {@code filesystem:} locations are relative to
	 * @param environment the environment variables to bind
	 */
	public MigrationSettingsLoader(Path workingDirectory, Map<String, String> environment) {
		this(workingDirectory, environment, false);
	}

	private MigrationSettingsLoader(Path workingDirectory, Map<String, String> environment,
			boolean classpathFromSources) {
		this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
		this.environment = Map.copyOf(environment);
		this.classpathFromSources = classpathFromSources;
	}

	/**
	 * A loader that reads a {@code classpath:} location from the project's
	 * {@code src/main/resources} when that directory exists (the CLI runs in a project's
	 * directory, before it is built).
	 * @return a new loader
	 */
	public MigrationSettingsLoader readingClasspathFromSources() {
		return new MigrationSettingsLoader(this.workingDirectory, this.environment, true);
	}

	/**
	 * Load the settings.
	 * @param configDirectory where the application files are
	 * @param profiles the profiles to read (when empty, {@code spring.profiles.active})
	 * @param overrides settings by property name, highest precedence
	 * @return the settings
	 */
	public MigrationSettings load(Path configDirectory, List<String> profiles, Map<String, ?> overrides) {
		return load(List.of(configDirectory), profiles, overrides);
	}

	/**
	 * Load the settings from several directories, as Boot reads {@code classpath:} and
	 * then the working directory: a later directory's file wins over an earlier one's,
	 * and a profile's file wins over every directory's {@code application.*}.
	 * @param configDirectories where the application files are, lowest precedence first
	 * @param profiles the profiles to read (when empty, {@code spring.profiles.active})
	 * @param overrides settings by property name, highest precedence
	 * @return the settings
	 */
	public MigrationSettings load(List<Path> configDirectories, List<String> profiles, Map<String, ?> overrides) {
		MutablePropertySources sources = new MutablePropertySources();
		sources.addLast(new MapPropertySource("overrides", new LinkedHashMap<>(overrides)));
		sources.addLast(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				new LinkedHashMap<>(this.environment)));
		List<String> read = new ArrayList<>();
		List<Path> highestFirst = new ArrayList<>(configDirectories);
		Collections.reverse(highestFirst);
		List<PropertySource<?>> base = new ArrayList<>();
		for (Path directory : highestFirst) {
			base.addAll(loadFiles(directory, "application", read));
		}
		List<String> active = profiles.isEmpty() ? activeProfiles(sources, base) : profiles;
		List<String> lastFirst = new ArrayList<>(active);
		Collections.reverse(lastFirst);
		for (String profile : lastFirst) {
			for (Path directory : highestFirst) {
				loadFiles(directory, "application-" + profile, read).forEach(sources::addLast);
			}
		}
		base.forEach(sources::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.from(sources),
				new PropertySourcesPlaceholdersResolver(sources));
		MigrationProperties properties = binder.bindOrCreate("migration", Bindable.of(MigrationProperties.class));
		String url = first(properties.getUrl(), binder, "spring.datasource.url");
		String user = first(properties.getUser(), binder, "spring.datasource.username");
		String password = first(properties.getPassword(), binder, "spring.datasource.password");
		String driver = binder.bind("spring.datasource.driver-class-name", String.class).orElse(null);
		List<String> locations = properties.getLocations().stream().map(this::resolveLocation).toList();
		return new MigrationSettings(properties, url, user, password, driver, locations, read);
	}

	private static List<String> activeProfiles(MutablePropertySources higher, List<PropertySource<?>> base) {
		MutablePropertySources sources = new MutablePropertySources();
		higher.forEach(sources::addLast);
		base.forEach(sources::addLast);
		return new Binder(ConfigurationPropertySources.from(sources))
			.bind("spring.profiles.active", Bindable.listOf(String.class))
			.orElse(List.of());
	}

	private static @Nullable String first(@Nullable String value, Binder binder, String fallback) {
		String chosen = (value != null && !value.isBlank()) ? value : binder.bind(fallback, String.class).orElse(null);
		return (chosen != null && !chosen.isBlank()) ? chosen : null;
	}

	/**
	 * Sources of one base name, in precedence order: {@code .properties} wins over YAML
	 * in the same directory, as in Boot; a later YAML document wins over an earlier one.
	 */
	private List<PropertySource<?>> loadFiles(Path directory, String baseName, List<String> read) {
		List<PropertySource<?>> result = new ArrayList<>();
		for (String extension : EXTENSIONS) {
			Path file = directory.resolve(baseName + "." + extension);
			if (!Files.isRegularFile(file)) {
				continue;
			}
			PropertySourceLoader loader = extension.equals("properties") ? new PropertiesPropertySourceLoader()
					: new YamlPropertySourceLoader();
			try {
				List<PropertySource<?>> documents = new ArrayList<>(
						loader.load(file.toString(), new FileSystemResource(file)));
				Collections.reverse(documents);
				result.addAll(documents);
				read.add(this.workingDirectory.relativize(file.toAbsolutePath()).toString());
			}
			catch (IOException | RuntimeException ex) {
				throw new InvalidConfigurationException(file.toString(),
						"cannot be read: " + ex.getMessage() + ". Fix the file");
			}
		}
		return result;
	}

	/**
	 * Relative {@code filesystem:} locations are relative to the working directory; see
	 * {@link #readingClasspathFromSources()} for {@code classpath:} ones.
	 */
	private String resolveLocation(String location) {
		if (location.startsWith("filesystem:")) {
			Path path = Path.of(location.substring("filesystem:".length()));
			return "filesystem:" + this.workingDirectory.resolve(path).normalize();
		}
		if (this.classpathFromSources && location.startsWith("classpath:")) {
			String path = location.substring("classpath:".length()).replaceFirst("^/+", "");
			// {vendor} is resolved later, from the database: the folder above it must
			// exist
			int vendor = path.indexOf("{vendor}");
			String existing = (vendor >= 0) ? path.substring(0, vendor) : path;
			Path resources = this.workingDirectory.resolve("src/main/resources");
			if (Files.isDirectory(resources.resolve(existing))) {
				return "filesystem:" + resources.normalize() + "/" + path;
			}
		}
		return location;
	}

}
