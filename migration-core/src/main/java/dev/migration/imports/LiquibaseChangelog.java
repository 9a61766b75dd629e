package dev.migration.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Reads a Liquibase changelog: formatted SQL files ({@code --liquibase formatted sql})
 * and XML, YAML or JSON changelogs whose changesets are {@code sql} / {@code sqlFile}
 * changes, with their {@code include} / {@code includeAll} of either, in the order
 * Liquibase runs them. Everything it cannot translate is collected as a problem naming
 * the file and the changeset. Each format has its reader ({@link FormattedSqlChangelog},
 * {@link XmlChangelog}, {@link YamlChangelog}); this class holds what they share: the
 * files they include, the properties, the changesets read and the problems.
 */
final class LiquibaseChangelog {

	private final @Nullable Path searchPath;

	private final @Nullable Function<Path, @Nullable Object> yaml;

	private final Map<String, String> properties = new LinkedHashMap<>();

	private final List<LiquibaseChangeSet> changeSets = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private LiquibaseChangelog(@Nullable Path searchPath, @Nullable Function<Path, @Nullable Object> yaml) {
		this.searchPath = searchPath;
		this.yaml = yaml;
	}

	/**
	 * Read a changelog and what it includes.
	 * @param changelog the master changelog ({@code .xml} or formatted {@code .sql})
	 * @param searchPath the directory {@code include} paths that are not relative to
	 * their changelog start from (Liquibase's search path, e.g.
	 * {@code src/main/resources}); {@code null}: the changelog's directory and its
	 * parents
	 * @param yaml reads a YAML or JSON file into maps, lists and scalars ({@code null}:
	 * YAML and JSON changelogs are refused)
	 * @param problems where what cannot be imported is reported
	 * @return the changesets in changelog order
	 */
	static List<LiquibaseChangeSet> read(Path changelog, @Nullable Path searchPath,
			@Nullable Function<Path, @Nullable Object> yaml, List<String> problems) {
		LiquibaseChangelog reader = new LiquibaseChangelog(searchPath, yaml);
		if (!Files.isRegularFile(changelog)) {
			problems.add("Liquibase changelog " + changelog + " is not a file");
			return List.of();
		}
		reader.readFile(changelog, changelog.getFileName().toString());
		problems.addAll(reader.problems);
		return reader.changeSets;
	}

	private void readFile(Path file, String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".sql")) {
			FormattedSqlChangelog.read(this, file, name);
		}
		else if (lower.endsWith(".xml")) {
			XmlChangelog.read(this, file, name);
		}
		else if ((lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) && this.yaml != null) {
			YamlChangelog.read(this, this.yaml, file, name);
		}
		else {
			this.problems.add(name
					+ ": only XML, YAML, JSON and formatted SQL changelogs are read" + ((this.yaml == null)
							? " (YAML and JSON by the CLI and the Maven goal, which bring a YAML parser)" : "")
					+ ": convert it, or include its formatted SQL files from an XML changelog");
		}
	}

	// what the readers report

	void problem(String problem) {
		this.problems.add(problem);
	}

	/** A property; the first definition wins, as in Liquibase. */
	void property(String name, String value) {
		this.properties.putIfAbsent(name, value);
	}

	/**
	 * XML, YAML and JSON: a {@code property} element.
	 * @param file the changelog, as named
	 * @param element the element as the message names it
	 * @param name its name, {@code null} when not given
	 * @param value its value, {@code null} when not given
	 */
	void property(String file, String element, @Nullable String name, @Nullable String value) {
		if (name != null && value != null) {
			property(name, value);
		}
		else {
			this.problems.add(file + ": a " + element + " without name and value (property files are not read): "
					+ "write the value in the changelog");
		}
	}

	/** Add a changeset read, unless Liquibase ignores it. */
	void add(ChangeSetDraft draft) {
		LiquibaseChangeSet changeSet = draft.build(this.properties, this.problems);
		if (changeSet != null) {
			this.changeSets.add(changeSet);
		}
	}

	/**
	 * XML, YAML and JSON: add a changeset whose changes are all read, or report the
	 * changes it uses that are not {@code sql} / {@code sqlFile}.
	 * @param draft the changeset
	 * @param unsupported the changes not translated
	 * @param sql how the changelog's format writes a {@code sql} change
	 */
	void add(ChangeSetDraft draft, List<String> unsupported, String sql) {
		if (!unsupported.isEmpty()) {
			this.problems.add(draft.name() + " uses " + String.join(", ", unsupported.stream().distinct().toList())
					+ ", which the import does not translate (only sql and sqlFile): rewrite the changeset as " + sql
					+ " (liquibase update-sql prints the SQL it runs) and import again");
			return;
		}
		if (draft.upgrade.isEmpty()) {
			this.problems.add(draft.name() + " has no sql or sqlFile change");
			return;
		}
		add(draft);
	}

	// files

	/** An {@code include} of another changelog. */
	void include(Path from, String fromName, String path, boolean relative) {
		Path file = resolve(from, path, relative);
		if (file == null) {
			this.problems.add(fromName + " includes " + path + ", which is not found" + ((this.searchPath != null)
					? " in " + this.searchPath : " beside it or in its parent directories (give --search-path)"));
			return;
		}
		readFile(file, relative ? sibling(fromName, path) : path);
	}

	/** An {@code includeAll}: the changelogs of a directory and below, by name. */
	void includeAll(Path from, String fromName, String path, boolean relative) {
		Path dir = resolve(from, path, relative);
		if (dir == null || !Files.isDirectory(dir)) {
			this.problems.add(fromName + " includes all of " + path + ", which is not a directory found"
					+ ((this.searchPath != null) ? " in " + this.searchPath : " beside it or in its parents"));
			return;
		}
		String prefix = (relative ? sibling(fromName, path) : path).replace('\\', '/');
		prefix = prefix.endsWith("/") ? prefix : prefix + "/";
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(Files::isRegularFile)
				.filter((each) -> each.getFileName()
					.toString()
					.toLowerCase(Locale.ROOT)
					.matches(".*\\.(sql|xml|yaml|yml|json)"))
				.sorted()
				.toList()) {
				readFile(file, prefix + dir.relativize(file).toString().replace('\\', '/'));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The SQL of a {@code sqlFile} change.
	 * @param from the changelog
	 * @param draft the changeset
	 * @param path the file as the change names it
	 * @param relative {@code relativeToChangelogFile}
	 * @return its content, {@code null} (a problem) when it is not found
	 */
	@Nullable String sqlFile(Path from, ChangeSetDraft draft, String path, boolean relative) {
		Path file = resolve(from, path, relative);
		if (file == null) {
			this.problems.add(draft.name() + ": its sqlFile " + path + " is not found");
			return null;
		}
		return content(file);
	}

	private @Nullable Path resolve(Path from, String path, boolean relative) {
		if (relative) {
			Path file = from.resolveSibling(path).normalize();
			return Files.exists(file) ? file : null;
		}
		if (this.searchPath != null) {
			Path file = this.searchPath.resolve(path).normalize();
			return Files.exists(file) ? file : null;
		}
		for (Path dir = from.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
			Path file = dir.resolve(path).normalize();
			if (Files.exists(file)) {
				return file;
			}
		}
		return null;
	}

	private static String sibling(String name, String path) {
		int slash = name.lastIndexOf('/');
		return (slash < 0) ? path : name.substring(0, slash + 1) + path;
	}

	/** A file's text, without a byte order mark. */
	static String content(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
