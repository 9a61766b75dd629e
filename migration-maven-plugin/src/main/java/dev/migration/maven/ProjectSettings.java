package dev.migration.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * The project's {@code application.yml} / {@code application.properties} (in
 * {@code src/main/resources}), flattened to the dotted keys the starter binds
 * ({@code migration.url}, {@code spring.datasource.url}, ...). Placeholders are not
 * resolved; pass {@code -Dmigration.url=...} to override.
 */
final class ProjectSettings {

	private final Map<String, String> values;

	private ProjectSettings(Map<String, String> values) {
		this.values = values;
	}

	/**
	 * The settings under a prefix, keyed by the rest of their name
	 * ({@code migration.lint.rules.} gives {@code ban-drop-column -> off}).
	 */
	Map<String, String> under(String prefix) {
		Map<String, String> found = new LinkedHashMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith(prefix)) {
				found.put(key.substring(prefix.length()), value);
			}
		});
		return found;
	}

	static ProjectSettings load(Path resources) {
		Map<String, String> values = new LinkedHashMap<>();
		Path properties = resources.resolve("application.properties");
		if (Files.isRegularFile(properties)) {
			Properties loaded = new Properties();
			try (Reader reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
				loaded.load(reader);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + properties + ": " + ex.getMessage(), ex);
			}
			loaded.stringPropertyNames().forEach((key) -> values.put(key, loaded.getProperty(key)));
		}
		for (String name : List.of("application.yml", "application.yaml")) {
			Path yaml = resources.resolve(name);
			if (Files.isRegularFile(yaml)) {
				try (InputStream input = Files.newInputStream(yaml)) {
					for (Object document : new Yaml().loadAll(input)) {
						flatten("", document, values);
					}
				}
				catch (IOException ex) {
					throw new IllegalStateException("Cannot read " + yaml + ": " + ex.getMessage(), ex);
				}
			}
		}
		return new ProjectSettings(values);
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, @Nullable Object value, Map<String, String> values) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child,
					values));
		}
		else if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>();
			list.forEach((item) -> items.add(String.valueOf(item)));
			values.putIfAbsent(prefix, String.join(",", items));
		}
		else if (value != null) {
			values.putIfAbsent(prefix, String.valueOf(value));
		}
	}

	/** The first key that is set. */
	@Nullable String get(String... keys) {
		for (String key : keys) {
			String value = this.values.get(key);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

}
