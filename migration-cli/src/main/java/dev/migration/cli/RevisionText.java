package dev.migration.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.migration.Revision;
import dev.migration.graph.RevisionGraph;

/**
 * Alembic's ways of printing a revision: the one-line form of {@code history}
 * ({@code down -> rev (labels) (head) (current), message}), the head-only form of
 * {@code heads} and {@code current}, the verbose block of {@code show}, and JSON.
 */
final class RevisionText {

	private final Map<String, List<String>> children = new HashMap<>();

	private final Set<String> heads;

	private final Set<String> current;

	RevisionText(RevisionGraph graph, Collection<String> current) {
		for (Revision revision : graph.revisions()) {
			for (String parent : revision.revises()) {
				this.children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(revision.id());
			}
		}
		this.heads = graph.heads().stream().map(Revision::id).collect(Collectors.toSet());
		this.current = Set.copyOf(current);
	}

	List<String> children(Revision revision) {
		return this.children.getOrDefault(revision.id(), List.of());
	}

	boolean isHead(Revision revision) {
		return this.heads.contains(revision.id());
	}

	boolean isCurrent(Revision revision) {
		return this.current.contains(revision.id());
	}

	boolean isBranchPoint(Revision revision) {
		return children(revision).size() > 1;
	}

	/**
	 * {@code a, b (deps) -> id (labels) (head) (current) (branchpoint) (mergepoint), message}
	 */
	String line(Revision revision) {
		return parents(revision) + " -> " + headOnly(revision) + ", " + revision.message();
	}

	/** {@code id (labels) (head) (current) (branchpoint) (mergepoint)} */
	String headOnly(Revision revision) {
		StringBuilder text = new StringBuilder(revision.id());
		if (!revision.branchLabels().isEmpty()) {
			text.append(" (").append(String.join(", ", revision.branchLabels())).append(')');
		}
		text.append(isHead(revision) ? " (head)" : "");
		text.append(isCurrent(revision) ? " (current)" : "");
		text.append(isBranchPoint(revision) ? " (branchpoint)" : "");
		text.append(revision.isMergePoint() ? " (mergepoint)" : "");
		return text.toString();
	}

	private static String parents(Revision revision) {
		if (revision.repeatable()) {
			return "<repeatable>";
		}
		String down = revision.isBase() ? "<base>" : String.join(", ", revision.revises());
		return revision.dependsOn().isEmpty() ? down : down + " (" + String.join(", ", revision.dependsOn()) + ")";
	}

	/** The block {@code show} and {@code --verbose} print. */
	String verbose(Revision revision) {
		StringBuilder text = new StringBuilder();
		text.append("Rev: ").append(headOnly(revision)).append('\n');
		if (revision.isMergePoint()) {
			text.append("Merges: ").append(String.join(", ", revision.revises())).append('\n');
		}
		else {
			text.append("Parent: ").append(parents(revision).replaceFirst(" \\(.*", "")).append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		if (isBranchPoint(revision)) {
			text.append("Branches into: ").append(String.join(", ", children(revision))).append('\n');
		}
		if (!revision.branchLabels().isEmpty()) {
			text.append("Branch names: ").append(String.join(", ", revision.branchLabels())).append('\n');
		}
		text.append("Path: ").append(revision.location()).append('\n');
		text.append("Kind: ").append(revision.kind().name().toLowerCase(Locale.ROOT));
		text.append(revision.transactional() ? "" : " (not transactional)").append('\n');
		if (revision.created() != null) {
			text.append("Created: ").append(revision.created()).append('\n');
		}
		text.append('\n');
		for (String line : revision.message().split("\\R", -1)) {
			text.append("    ").append(line).append('\n');
		}
		return text.toString();
	}

	Map<String, Object> json(Revision revision) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", revision.id());
		json.put("message", revision.message());
		json.put("revises", revision.revises());
		json.put("dependsOn", revision.dependsOn());
		json.put("branchLabels", revision.branchLabels());
		json.put("children", children(revision));
		json.put("head", isHead(revision));
		json.put("current", isCurrent(revision));
		json.put("branchPoint", isBranchPoint(revision));
		json.put("mergePoint", revision.isMergePoint());
		json.put("kind", revision.kind());
		json.put("location", revision.location());
		json.put("created", revision.created());
		json.put("transactional", revision.transactional());
		json.put("checksum", revision.checksum());
		return json;
	}

}
