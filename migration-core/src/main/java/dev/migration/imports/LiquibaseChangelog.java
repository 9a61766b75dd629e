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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads a Liquibase changelog: formatted SQL files ({@code --liquibase formatted sql})
 * and XML changelogs whose changesets are {@code sql} / {@code sqlFile} changes, with
 * their {@code include} / {@code includeAll} of either, in the order Liquibase runs them.
 * Everything it cannot translate is collected as a problem naming the file and the
 * changeset.
 */
final class LiquibaseChangelog {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE;

	private static final Pattern HEADER = Pattern.compile("^\\s*--\\s*liquibase\\s*formatted.*", FLAGS);

	private static final Pattern PROPERTY = Pattern.compile("\\s*--[\\s]*property\\s+(.*:.*)\\s+(.*:.*).*", FLAGS);

	private static final Pattern CHANGE_SET = Pattern
		.compile("\\s*--[\\s]*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+).*", FLAGS);

	private static final Pattern COMMENT = Pattern.compile("--[\\s]*comment:? (.*)", FLAGS);

	private static final Pattern VALID_CHECK_SUM = Pattern.compile("--[\\s]*validCheckSum:? (.*)", FLAGS);

	private static final Pattern ROLLBACK = Pattern.compile("\\s*--[\\s]*rollback (.*)", FLAGS);

	private static final Pattern ROLLBACK_START = Pattern.compile("\\s*/\\*\\s*liquibase\\s*rollback\\s*$", FLAGS);

	private static final Pattern ROLLBACK_END = Pattern.compile(".*\\s*\\*/\\s*$", FLAGS);

	private static final Pattern PRECONDITION = Pattern.compile("\\s*--[\\s]*precondition.*", FLAGS);

	/** The patterns of {@code --changeset} attributes, compiled once. */
	private static final Map<String, Pattern> ATTRIBUTES = new java.util.concurrent.ConcurrentHashMap<>();

	private static final Pattern IGNORE_LINES = Pattern.compile("--[\\s]*ignoreLines:(\\w+)", FLAGS);

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
			readFormattedSql(file, name);
		}
		else if (lower.endsWith(".xml")) {
			readXml(file, name);
		}
		else if ((lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")) && this.yaml != null) {
			readYaml(file, name);
		}
		else {
			this.problems.add(name
					+ ": only XML, YAML, JSON and formatted SQL changelogs are read" + ((this.yaml == null)
							? " (YAML and JSON by the CLI and the Maven goal, which bring a YAML parser)" : "")
					+ ": convert it, or include its formatted SQL files from an XML changelog");
		}
	}

	// formatted SQL

	private void readFormattedSql(Path file, String name) {
		List<String> lines = content(file).lines().toList();
		boolean header = false;
		Builder current = null;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (HEADER.matcher(line).matches()) {
				header = true;
				continue;
			}
			Matcher property = PROPERTY.matcher(line);
			if (property.matches()) {
				property(line);
				continue;
			}
			Matcher ignore = IGNORE_LINES.matcher(line);
			if (ignore.matches()) {
				if (ignore.group(1).equalsIgnoreCase("start")) {
					while (i + 1 < lines.size()) {
						i++;
						Matcher end = IGNORE_LINES.matcher(lines.get(i));
						if (end.matches() && end.group(1).equalsIgnoreCase("end")) {
							break;
						}
					}
				}
				else if (ignore.group(1).chars().allMatch(Character::isDigit)) {
					i += Integer.parseInt(ignore.group(1));
				}
				continue;
			}
			Matcher changeSet = CHANGE_SET.matcher(line);
			if (changeSet.matches()) {
				if (!header) {
					this.problems.add(name + ": not a formatted SQL changelog (its first line must be "
							+ "'--liquibase formatted sql')");
					return;
				}
				finish(current);
				current = new Builder(name, unquote(changeSet.group(1)), unquote(changeSet.group(2)), i + 1);
				current.attributes(line);
				continue;
			}
			if (current == null) {
				continue;
			}
			Matcher comment = COMMENT.matcher(line);
			Matcher valid = VALID_CHECK_SUM.matcher(line);
			Matcher rollback = ROLLBACK.matcher(line);
			if (comment.matches()) {
				current.comment = comment.group(1).strip();
			}
			else if (valid.matches()) {
				current.validCheckSums.add(valid.group(1).strip());
			}
			else if (rollback.matches()) {
				current.rollback.append(rollback.group(1)).append('\n');
			}
			else if (ROLLBACK_START.matcher(line).matches()) {
				boolean closed = false;
				while (i + 1 < lines.size()) {
					i++;
					String next = lines.get(i);
					if (ROLLBACK_END.matcher(next).matches()) {
						current.rollback.append(next, 0, next.lastIndexOf("*/")).append('\n');
						closed = true;
						break;
					}
					current.rollback.append(next).append('\n');
				}
				if (!closed) {
					this.problems.add(current.name() + ": its '/* liquibase rollback' comment is not closed");
				}
			}
			else if (PRECONDITION.matcher(line).matches()) {
				current.note("its preconditions are not imported: the revision runs whenever it is pending");
			}
			else {
				current.sql.append(line).append('\n');
			}
		}
		if (!header && current == null && !content(file).isBlank()) {
			this.problems
				.add(name + ": not a formatted SQL changelog (its first line must be '--liquibase formatted sql')");
		}
		finish(current);
	}

	private void property(String line) {
		Matcher name = Pattern.compile("name:(\\S+)", FLAGS).matcher(line);
		Matcher value = Pattern.compile("value:(\"[^\"]*\"|\\S+)", FLAGS).matcher(line);
		if (name.find() && value.find()) {
			this.properties.putIfAbsent(name.group(1), unquote(value.group(1)));
		}
	}

	private void finish(@Nullable Builder builder) {
		if (builder == null) {
			return;
		}
		String sql = builder.sql.toString().strip();
		if (sql.isEmpty()) {
			this.problems.add(builder.name() + " (line " + builder.line + ") has no SQL");
			return;
		}
		builder.change(sql, builder.endDelimiter);
		add(builder);
	}

	private void add(Builder builder) {
		if (builder.ignore) {
			return;
		}
		String rollback = builder.rollback.toString().strip();
		String downgrade = null;
		if (!rollback.isEmpty()) {
			String lower = rollback.toLowerCase(Locale.ROOT);
			if (lower.startsWith("not required") || lower.startsWith("empty")) {
				downgrade = "";
			}
			else if (lower.contains("changesetid")) {
				builder.note("its rollback names another changeset, which the import does not follow: write the "
						+ "downgrade by hand");
			}
			else {
				downgrade = reterminate(rollback, builder.rollbackEndDelimiter);
			}
		}
		if (builder.dbms != null) {
			this.problems.add(builder.name() + " runs only on dbms:" + builder.dbms
					+ ", which the import cannot keep (a revision runs on every database): move the changesets of "
					+ "other databases out of the changelog (or into a changelog per database) and import again");
		}
		if (builder.runOnChange || builder.runAlways) {
			if (downgrade != null) {
				builder.note("its rollback is dropped: a repeatable script has no downgrade");
			}
			if (builder.runAlways) {
				builder.note("runAlways: it becomes a repeatable script, which runs again only when it changes");
			}
		}
		if (builder.context != null || builder.labels != null) {
			builder.note(((builder.context != null) ? "context '" + builder.context + "'" : "")
					+ ((builder.context != null && builder.labels != null) ? " and " : "")
					+ ((builder.labels != null) ? "labels '" + builder.labels + "'" : "")
					+ " not filtered on: the revision runs on every database");
		}
		this.changeSets.add(new LiquibaseChangeSet(builder.author, builder.id, builder.file,
				String.join("", builder.upgrade), downgrade, builder.runOnChange, builder.runAlways,
				builder.transactional, builder.context, builder.labels, builder.comment, builder.validCheckSums,
				LiquibaseChecksum.of(builder.expanded), builder.notes));
	}

	// XML

	private void readXml(Path file, String name) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			root = builder.parse(file.toFile()).getDocumentElement();
		}
		catch (Exception ex) {
			this.problems.add(name + ": not a readable XML changelog: " + ex.getMessage());
			return;
		}
		if (!"databaseChangeLog".equals(local(root))) {
			this.problems.add(name + ": not a Liquibase changelog (its root element is " + local(root) + ")");
			return;
		}
		for (Element element : children(root)) {
			switch (local(element)) {
				case "property" -> {
					if (element.hasAttribute("name") && element.hasAttribute("value")) {
						this.properties.putIfAbsent(element.getAttribute("name"), element.getAttribute("value"));
					}
					else {
						this.problems.add(name + ": a <property> without name and value (property files are not "
								+ "read): write the value in the changelog");
					}
				}
				case "include" -> include(file, name, element.getAttribute("file"),
						"true".equalsIgnoreCase(element.getAttribute("relativeToChangelogFile")));
				case "includeAll" -> includeAll(file, name, element.getAttribute("path"),
						"true".equalsIgnoreCase(element.getAttribute("relativeToChangelogFile")));
				case "changeSet" -> changeSet(file, name, element);
				case "preConditions" -> {
					// changelog preconditions guard a whole run; a revision has none
				}
				default -> this.problems.add(name + ": <" + local(element) + "> is not imported (only include, "
						+ "includeAll, property and changeSet)");
			}
		}
	}

	private void include(Path from, String fromName, String path, boolean relative) {
		Path file = resolve(from, path, relative);
		if (file == null) {
			this.problems.add(fromName + " includes " + path + ", which is not found" + ((this.searchPath != null)
					? " in " + this.searchPath : " beside it or in its parent directories (give --search-path)"));
			return;
		}
		readFile(file, relative ? sibling(fromName, path) : path);
	}

	private void includeAll(Path from, String fromName, String path, boolean relative) {
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

	private void changeSet(Path file, String name, Element element) {
		Builder builder = new Builder(name, element.getAttribute("author"), element.getAttribute("id"), 0);
		builder.runOnChange = "true".equalsIgnoreCase(element.getAttribute("runOnChange"));
		builder.runAlways = "true".equalsIgnoreCase(element.getAttribute("runAlways"));
		builder.transactional = !"false".equalsIgnoreCase(element.getAttribute("runInTransaction"));
		builder.context = attribute(element, "contextFilter", attribute(element, "context", null));
		builder.labels = attribute(element, "labels", null);
		builder.dbms = attribute(element, "dbms", null);
		builder.ignore = "true".equalsIgnoreCase(element.getAttribute("ignore"));
		List<String> unsupported = new ArrayList<>();
		for (Element child : children(element)) {
			switch (local(child)) {
				case "comment" -> builder.comment = child.getTextContent().strip();
				case "validCheckSum" -> builder.validCheckSums.add(child.getTextContent().strip());
				case "preConditions" ->
					builder.note("its preconditions are not imported: the revision runs whenever it is pending");
				case "sql", "sqlFile" -> {
					String sql = sql(file, builder, child);
					if (sql != null) {
						builder.change(sql, attribute(child, "endDelimiter", null));
					}
				}
				case "rollback" -> rollback(file, builder, child, unsupported);
				default -> unsupported.add(local(child));
			}
		}
		if (!unsupported.isEmpty()) {
			this.problems.add(builder.name() + " uses " + String.join(", ", unsupported.stream().distinct().toList())
					+ ", which the import does not translate (only sql and sqlFile): rewrite the changeset as <sql> "
					+ "(liquibase update-sql prints the SQL it runs) and import again");
			return;
		}
		if (builder.upgrade.isEmpty()) {
			this.problems.add(builder.name() + " has no sql or sqlFile change");
			return;
		}
		add(builder);
	}

	private void rollback(Path file, Builder builder, Element rollback, List<String> unsupported) {
		List<Element> children = children(rollback);
		if (children.isEmpty()) {
			String text = rollback.getTextContent().strip();
			builder.rollback.append(text.isEmpty() ? "empty" : text).append('\n');
			return;
		}
		for (Element child : children) {
			if (local(child).equals("sql") || local(child).equals("sqlFile")) {
				String sql = sql(file, builder, child);
				if (sql != null) {
					builder.rollback.append(reterminate(sql, attribute(child, "endDelimiter", null))).append('\n');
				}
			}
			else {
				unsupported.add("<rollback> with " + local(child));
			}
		}
	}

	private @Nullable String sql(Path file, Builder builder, Element change) {
		if (change.hasAttribute("dbms")) {
			builder.dbms = change.getAttribute("dbms");
		}
		if (local(change).equals("sql")) {
			StringBuilder text = new StringBuilder();
			NodeList nodes = change.getChildNodes();
			for (int i = 0; i < nodes.getLength(); i++) {
				Node node = nodes.item(i);
				if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
					text.append(node.getNodeValue());
				}
			}
			return text.toString().strip();
		}
		String path = change.getAttribute("path");
		Path sqlFile = resolve(file, path, "true".equalsIgnoreCase(change.getAttribute("relativeToChangelogFile")));
		if (sqlFile == null) {
			this.problems.add(builder.name() + ": its sqlFile " + path + " is not found");
			return null;
		}
		return content(sqlFile);
	}

	// YAML and JSON: the same elements as XML, as maps and lists

	private void readYaml(Path file, String name) {
		Object root;
		try {
			root = this.yaml.apply(file);
		}
		catch (RuntimeException ex) {
			this.problems.add(name + ": not a readable YAML or JSON changelog: " + ex.getMessage());
			return;
		}
		if (!(root instanceof Map<?, ?> top) || !(top.get("databaseChangeLog") instanceof List<?> entries)) {
			this.problems.add(name + ": not a Liquibase changelog (no databaseChangeLog list at the top)");
			return;
		}
		for (Object entry : entries) {
			if (!(entry instanceof Map<?, ?> map) || map.size() != 1) {
				this.problems.add(name + ": an entry of databaseChangeLog is not a single element: " + entry);
				continue;
			}
			String kind = String.valueOf(map.keySet().iterator().next());
			Map<?, ?> element = (map.get(kind) instanceof Map<?, ?> value) ? value : Map.of();
			switch (kind) {
				case "property" -> {
					if (element.get("name") != null && element.get("value") != null) {
						this.properties.putIfAbsent(String.valueOf(element.get("name")),
								String.valueOf(element.get("value")));
					}
					else {
						this.problems.add(name + ": a property without name and value (property files are not "
								+ "read): write the value in the changelog");
					}
				}
				case "include" -> include(file, name, text(element, "file"), flag(element, "relativeToChangelogFile"));
				case "includeAll" ->
					includeAll(file, name, text(element, "path"), flag(element, "relativeToChangelogFile"));
				case "changeSet" -> yamlChangeSet(file, name, element);
				case "preConditions" -> {
					// changelog preconditions guard a whole run; a revision has none
				}
				default -> this.problems
					.add(name + ": " + kind + " is not imported (only include, includeAll, property and changeSet)");
			}
		}
	}

	private void yamlChangeSet(Path file, String name, Map<?, ?> element) {
		Builder builder = new Builder(name, text(element, "author"), text(element, "id"), 0);
		builder.runOnChange = flag(element, "runOnChange");
		builder.runAlways = flag(element, "runAlways");
		builder.transactional = !"false".equalsIgnoreCase(text(element, "runInTransaction"));
		builder.context = blankToNull(text(element, "contextFilter"));
		if (builder.context == null) {
			builder.context = blankToNull(text(element, "context"));
		}
		builder.labels = blankToNull(text(element, "labels"));
		builder.dbms = blankToNull(text(element, "dbms"));
		builder.ignore = flag(element, "ignore");
		builder.comment = blankToNull(text(element, "comment"));
		Object valid = element.get("validCheckSum");
		if (valid instanceof List<?> values) {
			values.forEach((value) -> builder.validCheckSums.add(String.valueOf(value).strip()));
		}
		else if (valid != null) {
			builder.validCheckSums.add(String.valueOf(valid).strip());
		}
		if (element.get("preConditions") != null) {
			builder.note("its preconditions are not imported: the revision runs whenever it is pending");
		}
		List<String> unsupported = new ArrayList<>();
		for (Object change : list(element.get("changes"))) {
			yamlChange(file, builder, change, false, unsupported);
		}
		Object rollback = element.get("rollback");
		if (rollback instanceof String text) {
			builder.rollback.append(text.isBlank() ? "empty" : text.strip()).append('\n');
		}
		else if (rollback != null) {
			for (Object change : list(rollback)) {
				yamlChange(file, builder, change, true, unsupported);
			}
		}
		if (!unsupported.isEmpty()) {
			this.problems.add(builder.name() + " uses " + String.join(", ", unsupported.stream().distinct().toList())
					+ ", which the import does not translate (only sql and sqlFile): rewrite the changeset as sql "
					+ "(liquibase update-sql prints the SQL it runs) and import again");
			return;
		}
		if (builder.upgrade.isEmpty()) {
			this.problems.add(builder.name() + " has no sql or sqlFile change");
			return;
		}
		add(builder);
	}

	private void yamlChange(Path file, Builder builder, @Nullable Object change, boolean rollback,
			List<String> unsupported) {
		if (!(change instanceof Map<?, ?> map) || map.size() != 1) {
			unsupported.add(String.valueOf(change));
			return;
		}
		String kind = String.valueOf(map.keySet().iterator().next());
		Map<?, ?> attributes = (map.get(kind) instanceof Map<?, ?> value) ? value : Map.of();
		String sql = null;
		if (kind.equals("sql")) {
			sql = text(attributes, "sql").strip();
		}
		else if (kind.equals("sqlFile")) {
			String path = text(attributes, "path");
			Path sqlFile = resolve(file, path, flag(attributes, "relativeToChangelogFile"));
			if (sqlFile == null) {
				this.problems.add(builder.name() + ": its sqlFile " + path + " is not found");
				return;
			}
			sql = content(sqlFile);
		}
		else {
			unsupported.add(rollback ? "rollback with " + kind : kind);
			return;
		}
		if (attributes.get("dbms") != null) {
			builder.dbms = text(attributes, "dbms");
		}
		String delimiter = blankToNull(text(attributes, "endDelimiter"));
		if (rollback) {
			builder.rollback.append(reterminate(sql, delimiter)).append('\n');
		}
		else {
			builder.change(sql, delimiter);
		}
	}

	private static List<?> list(@Nullable Object value) {
		return (value instanceof List<?> list) ? list : (value != null) ? List.of(value) : List.of();
	}

	private static String text(Map<?, ?> map, String key) {
		Object value = map.get(key);
		return (value != null) ? String.valueOf(value) : "";
	}

	private static boolean flag(Map<?, ?> map, String key) {
		return "true".equalsIgnoreCase(text(map, key));
	}

	private static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	// helpers

	private String expand(String sql) {
		if (sql.indexOf("${") < 0) {
			return sql;
		}
		String expanded = sql;
		for (Map.Entry<String, String> property : this.properties.entrySet()) {
			expanded = expanded.replace("${" + property.getKey() + "}", property.getValue());
		}
		return expanded;
	}

	/**
	 * SQL ended by Liquibase's {@code endDelimiter} (e.g. {@code //} or {@code GO} at the
	 * end of a line), rewritten with {@code ;} so that this project's splitter reads the
	 * same statements (bodies with inner semicolons stay whole there).
	 */
	static String reterminate(String sql, @Nullable String endDelimiter) {
		if (endDelimiter == null || endDelimiter.isEmpty() || endDelimiter.equals(";")) {
			return sql;
		}
		StringBuilder out = new StringBuilder();
		StringBuilder statement = new StringBuilder();
		for (String line : sql.lines().toList()) {
			String stripped = line.stripTrailing();
			if (stripped.endsWith(endDelimiter)) {
				statement.append(stripped, 0, stripped.length() - endDelimiter.length());
				end(out, statement);
			}
			else {
				statement.append(line).append('\n');
			}
		}
		end(out, statement);
		return out.toString();
	}

	private static void end(StringBuilder out, StringBuilder statement) {
		String text = statement.toString().strip();
		statement.setLength(0);
		if (!text.isEmpty()) {
			out.append(text).append(text.endsWith(";") ? "" : ";").append('\n');
		}
	}

	private static @Nullable String attribute(Element element, String name, @Nullable String fallback) {
		return element.hasAttribute(name) && !element.getAttribute(name).isBlank() ? element.getAttribute(name)
				: fallback;
	}

	private static String local(Element element) {
		return (element.getLocalName() != null) ? element.getLocalName() : element.getTagName();
	}

	private static List<Element> children(Element parent) {
		List<Element> elements = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element element) {
				elements.add(element);
			}
		}
		return elements;
	}

	private static String unquote(String text) {
		String value = text.strip();
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private static String content(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A changeset while it is read. */
	private final class Builder {

		final String file;

		final String author;

		final String id;

		final int line;

		boolean runOnChange;

		boolean runAlways;

		boolean transactional = true;

		boolean ignore;

		@Nullable String context;

		@Nullable String labels;

		@Nullable String dbms;

		@Nullable String endDelimiter;

		@Nullable String rollbackEndDelimiter;

		@Nullable String comment;

		final StringBuilder sql = new StringBuilder();

		final StringBuilder rollback = new StringBuilder();

		final List<String> upgrade = new ArrayList<>();

		final List<String> expanded = new ArrayList<>();

		final List<String> validCheckSums = new ArrayList<>();

		final List<String> notes = new ArrayList<>();

		Builder(String file, String author, String id, int line) {
			this.file = file;
			this.author = author;
			this.id = id;
			this.line = line;
		}

		String name() {
			return this.file + "::" + this.id + "::" + this.author;
		}

		void note(String note) {
			if (!this.notes.contains(note)) {
				this.notes.add(note);
			}
		}

		/** Formatted SQL: the attributes on the {@code --changeset} line. */
		void attributes(String line) {
			this.runOnChange = flag(line, "runOnChange", false);
			this.runAlways = flag(line, "runAlways", false);
			this.transactional = flag(line, "runInTransaction", true);
			this.ignore = flag(line, "ignore", false);
			this.endDelimiter = value(line, "\\bendDelimiter:(\\S*)");
			this.rollbackEndDelimiter = value(line, "\\brollbackEndDelimiter:(\\S*)");
			this.context = quoted(value(line, "contextFilter:(\".*?\"|\\S*)"));
			if (this.context == null) {
				this.context = quoted(value(line, "context:(\".*?\"|\\S*)"));
			}
			this.labels = quoted(value(line, "labels:(\".*?\"|\\S*)"));
			this.dbms = value(line, "dbms:([^,][\\w!,]+)");
			if (!flag(line, "splitStatements", true)) {
				note("splitStatements:false: its statements are split as the database's own client splits them");
			}
		}

		void change(String sql, @Nullable String delimiter) {
			String text = reterminate(sql, delimiter);
			this.upgrade.add(text.endsWith("\n") ? text : text + "\n");
			this.expanded.add(expand(sql));
			if (delimiter != null && !delimiter.equals(";")) {
				note("endDelimiter " + delimiter + ": its statements are ended with ; in the revision");
			}
		}

		private static boolean flag(String line, String name, boolean fallback) {
			String value = value(line, name + ":(\\w+)");
			return (value != null) ? Boolean.parseBoolean(value) : fallback;
		}

		private static @Nullable String value(String line, String regex) {
			Matcher matcher = ATTRIBUTES.computeIfAbsent(regex, (key) -> Pattern.compile(".*" + key + ".*", FLAGS))
				.matcher(line);
			return (matcher.matches() && !matcher.group(1).isEmpty()) ? matcher.group(1) : null;
		}

		private static @Nullable String quoted(@Nullable String value) {
			return (value != null) ? unquote(value) : null;
		}

	}

}
