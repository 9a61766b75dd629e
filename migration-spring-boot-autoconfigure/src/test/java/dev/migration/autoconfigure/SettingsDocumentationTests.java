package dev.migration.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/spring-boot.md's settings table has a row for every {@code migration.*} property
 * of the IDE metadata, each with a Flyway column.
 */
class SettingsDocumentationTests {

	private static final Path PAGE = Path.of("../docs/spring-boot.md");

	@Test
	void everyPropertyHasARowWithItsFlywayEquivalent() throws IOException {
		List<String> rows = settingsRows();
		Set<String> documented = new LinkedHashSet<>();
		for (String row : rows) {
			String[] cells = row.split("(?<!\\\\)\\|", -1);
			assertThat(cells).as(row).hasSize(6);
			assertThat(cells[4].strip()).as("Flyway column of " + row).isNotEmpty();
			Matcher key = Pattern.compile("`([^`]+)`").matcher(cells[1]);
			while (key.find()) {
				documented.add(key.group(1));
			}
		}
		List<String> missing = new ArrayList<>();
		for (String property : properties()) {
			String key = property.substring("migration.".length());
			if (!documented.contains(key) && documented.stream().noneMatch((each) -> each.startsWith(key + ".<"))) {
				missing.add(property);
			}
		}
		assertThat(missing).as("properties without a row in " + PAGE).isEmpty();
	}

	private static List<String> settingsRows() throws IOException {
		String page = Files.readString(PAGE);
		int start = page.indexOf("## Settings (`migration.*`");
		int end = page.indexOf("\n## ", start + 1);
		return page.substring(start, end).lines().filter((line) -> line.startsWith("| `")).toList();
	}

	private static List<String> properties() throws IOException {
		try (InputStream in = SettingsDocumentationTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("the configuration processor's metadata").isNotNull();
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Matcher name = Pattern.compile("\"name\"\\s*:\\s*\"(migration\\.[^\"]+)\"").matcher(json);
			Set<String> properties = new LinkedHashSet<>();
			while (name.find()) {
				properties.add(name.group(1));
			}
			assertThat(properties).contains("migration.enabled", "migration.lint.on-startup");
			// groups (migration.lint) are listed by name too: only leaves are properties
			return properties.stream()
				.filter((each) -> properties.stream().noneMatch((other) -> other.startsWith(each + ".")))
				.toList();
		}
	}

}
