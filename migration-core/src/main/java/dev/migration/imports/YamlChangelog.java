package dev.migration.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads one YAML or JSON changelog: the same elements as XML ({@link XmlChangelog}), as
 * the maps, lists and scalars a YAML parser reads.
 */
final class YamlChangelog extends ChangelogFile {

	private YamlChangelog(LiquibaseChangelog changelog, Path file, String name) {
		super(changelog, file, name);
	}

	/**
	 * Read a YAML or JSON file into the changelog.
	 * @param changelog the changelog being read
	 * @param yaml reads the file into maps, lists and scalars
	 * @param file the file
	 * @param name the file as the changelog names it
	 */
	static void read(LiquibaseChangelog changelog, Function<Path, @Nullable Object> yaml, Path file, String name) {
		Object root;
		try {
			root = yaml.apply(file);
		}
		catch (RuntimeException ex) {
			changelog.problem(name + ": not a readable YAML or JSON changelog: " + ex.getMessage());
			return;
		}
		if (!(root instanceof Map<?, ?> top) || !(top.get("databaseChangeLog") instanceof List<?> entries)) {
			changelog.problem(name + ": not a Liquibase changelog (no databaseChangeLog list at the top)");
			return;
		}
		new YamlChangelog(changelog, file, name).entries(entries);
	}

	private void entries(List<?> entries) {
		for (Object entry : entries) {
			if (!(entry instanceof Map<?, ?> map) || map.size() != 1) {
				this.changelog.problem(this.name + ": an entry of databaseChangeLog is not a single element: " + entry);
				continue;
			}
			String kind = String.valueOf(map.keySet().iterator().next());
			Map<?, ?> element = (map.get(kind) instanceof Map<?, ?> value) ? value : Map.of();
			boolean relative = flag(element, "relativeToChangelogFile");
			switch (kind) {
				case "property" ->
					this.changelog.property(this.name, "property", value(element, "name"), value(element, "value"));
				case "include" -> this.changelog.include(this.file, this.name, text(element, "file"), relative);
				case "includeAll" -> this.changelog.includeAll(this.file, this.name, text(element, "path"), relative);
				case "changeSet" -> changeSet(element);
				case "preConditions" -> {
					// changelog preconditions guard a whole run; a revision has none
				}
				default -> this.changelog.problem(this.name + ": " + kind
						+ " is not imported (only include, includeAll, property and changeSet)");
			}
		}
	}

	private void changeSet(Map<?, ?> element) {
		ChangeSetDraft draft = ChangeSetDraft.of(this.name, (key) -> text(element, key));
		draft.comment = ChangeSetDraft.blankToNull(text(element, "comment"));
		for (Object valid : list(element.get("validCheckSum"))) {
			draft.validCheckSums.add(String.valueOf(valid).strip());
		}
		if (element.get("preConditions") != null) {
			draft.note("its preconditions are not imported: the revision runs whenever it is pending");
		}
		List<String> unsupported = new ArrayList<>();
		for (Object change : list(element.get("changes"))) {
			change(draft, change, false, unsupported);
		}
		Object rollback = element.get("rollback");
		if (rollback instanceof String text) {
			draft.rollback.append(text.isBlank() ? "empty" : text.strip()).append('\n');
		}
		else {
			for (Object change : list(rollback)) {
				change(draft, change, true, unsupported);
			}
		}
		this.changelog.add(draft, unsupported, "sql");
	}

	private void change(ChangeSetDraft draft, @Nullable Object change, boolean rollback, List<String> unsupported) {
		if (!(change instanceof Map<?, ?> map) || map.size() != 1) {
			unsupported.add(String.valueOf(change));
			return;
		}
		String kind = String.valueOf(map.keySet().iterator().next());
		Map<?, ?> attributes = (map.get(kind) instanceof Map<?, ?> value) ? value : Map.of();
		String sql;
		if (kind.equals("sql")) {
			sql = text(attributes, "sql").strip();
		}
		else if (kind.equals("sqlFile")) {
			sql = this.changelog.sqlFile(this.file, draft, text(attributes, "path"),
					flag(attributes, "relativeToChangelogFile"));
			if (sql == null) {
				return;
			}
		}
		else {
			unsupported.add(rollback ? "rollback with " + kind : kind);
			return;
		}
		if (attributes.get("dbms") != null) {
			draft.dbms = text(attributes, "dbms");
		}
		String delimiter = ChangeSetDraft.blankToNull(text(attributes, "endDelimiter"));
		if (rollback) {
			draft.rollbackChange(sql, delimiter);
		}
		else {
			draft.change(sql, delimiter);
		}
	}

	private static List<?> list(@Nullable Object value) {
		return (value instanceof List<?> list) ? list : (value != null) ? List.of(value) : List.of();
	}

	private static @Nullable String value(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return (value != null) ? String.valueOf(value) : null;
	}

	private static String text(Map<?, ?> map, String key) {
		String value = value(map, key);
		return (value != null) ? value : "";
	}

	private static boolean flag(Map<?, ?> map, String key) {
		return "true".equalsIgnoreCase(text(map, key));
	}

}
