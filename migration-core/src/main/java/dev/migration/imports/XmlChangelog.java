package dev.migration.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads one XML changelog: its {@code property}, {@code include}, {@code includeAll} and
 * {@code changeSet} elements, changesets of {@code sql} / {@code sqlFile} changes and
 * their rollbacks. The parser reads no DTD and expands no entity.
 */
final class XmlChangelog extends ChangelogFile {

	private XmlChangelog(LiquibaseChangelog changelog, Path file, String name) {
		super(changelog, file, name);
	}

	/**
	 * Read an XML file into the changelog.
	 * @param changelog the changelog being read
	 * @param file the file
	 * @param name the file as the changelog names it
	 */
	static void read(LiquibaseChangelog changelog, Path file, String name) {
		Element root;
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setExpandEntityReferences(false);
			root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
		}
		catch (Exception ex) {
			changelog.problem(name + ": not a readable XML changelog: " + ex.getMessage());
			return;
		}
		if (!"databaseChangeLog".equals(local(root))) {
			changelog.problem(name + ": not a Liquibase changelog (its root element is " + local(root) + ")");
			return;
		}
		new XmlChangelog(changelog, file, name).elements(root);
	}

	private void elements(Element root) {
		for (Element element : children(root)) {
			boolean relative = "true".equalsIgnoreCase(element.getAttribute("relativeToChangelogFile"));
			switch (local(element)) {
				case "property" -> this.changelog.property(this.name, "<property>", attribute(element, "name"),
						attribute(element, "value"));
				case "include" -> this.changelog.include(this.file, this.name, element.getAttribute("file"), relative);
				case "includeAll" ->
					this.changelog.includeAll(this.file, this.name, element.getAttribute("path"), relative);
				case "changeSet" -> changeSet(element);
				case "preConditions" -> {
					// changelog preconditions guard a whole run; a revision has none
				}
				default -> this.changelog.problem(this.name + ": <" + local(element)
						+ "> is not imported (only include, includeAll, property and changeSet)");
			}
		}
	}

	private void changeSet(Element element) {
		ChangeSetDraft draft = ChangeSetDraft.of(this.name, element::getAttribute);
		List<String> unsupported = new ArrayList<>();
		for (Element child : children(element)) {
			switch (local(child)) {
				case "comment" -> draft.comment = child.getTextContent().strip();
				case "validCheckSum" -> draft.validCheckSums.add(child.getTextContent().strip());
				case "preConditions" ->
					draft.note("its preconditions are not imported: the revision runs whenever it is pending");
				case "sql", "sqlFile" -> {
					String sql = sql(draft, child);
					if (sql != null) {
						draft.change(sql, endDelimiter(child));
					}
				}
				case "rollback" -> rollback(draft, child, unsupported);
				default -> unsupported.add(local(child));
			}
		}
		this.changelog.add(draft, unsupported, "<sql>");
	}

	private void rollback(ChangeSetDraft draft, Element rollback, List<String> unsupported) {
		List<Element> children = children(rollback);
		if (children.isEmpty()) {
			String text = rollback.getTextContent().strip();
			draft.rollback.append(text.isEmpty() ? "empty" : text).append('\n');
			return;
		}
		for (Element child : children) {
			if (local(child).equals("sql") || local(child).equals("sqlFile")) {
				String sql = sql(draft, child);
				if (sql != null) {
					draft.rollbackChange(sql, endDelimiter(child));
				}
			}
			else {
				unsupported.add("<rollback> with " + local(child));
			}
		}
	}

	/** The SQL of a {@code sql} or {@code sqlFile} change. */
	private @Nullable String sql(ChangeSetDraft draft, Element change) {
		if (change.hasAttribute("dbms")) {
			draft.dbms = change.getAttribute("dbms");
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
		return this.changelog.sqlFile(this.file, draft, change.getAttribute("path"),
				"true".equalsIgnoreCase(change.getAttribute("relativeToChangelogFile")));
	}

	private static @Nullable String endDelimiter(Element change) {
		return ChangeSetDraft.blankToNull(change.getAttribute("endDelimiter"));
	}

	/** An attribute given, {@code null} when it is not. */
	private static @Nullable String attribute(Element element, String name) {
		return element.hasAttribute(name) ? element.getAttribute(name) : null;
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

}
