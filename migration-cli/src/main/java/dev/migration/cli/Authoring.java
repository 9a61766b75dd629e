package dev.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.migration.Revision;
import dev.migration.graph.RevisionGraph;

/**
 * What {@code revision} and {@code merge} share: where the file goes, and the checks of
 * the new header against the graph.
 */
final class Authoring {

	private Authoring() {
	}

	/**
	 * The parents of a new revision, as Alembic chooses them.
	 * @param graph the graph
	 * @param head {@code head}, {@code base}, or any identifier of heads
	 * @param splice whether a non-head may be built on (a new branch)
	 * @return the parent ids
	 */
	static List<String> parents(RevisionGraph graph, String head, boolean splice) {
		if (head.equals("base")) {
			return List.of();
		}
		List<Revision> heads = graph.heads();
		if (head.equals("head")) {
			if (heads.size() > 1) {
				throw new CliException("Multiple heads are present (" + ids(heads) + "); name the one to build on "
						+ "with --head <revision> (or --head <label>@head), or join them first with "
						+ "'migration merge -m \"merge heads\" heads'");
			}
			return heads.isEmpty() ? List.of() : List.of(heads.get(0).id());
		}
		List<String> parents = graph.resolve(head, List.of());
		Set<String> headIds = new LinkedHashSet<>(heads.stream().map(Revision::id).toList());
		for (String parent : parents) {
			if (!splice && !headIds.contains(parent)) {
				throw new CliException("Revision " + parent + " is not a head revision; pass --splice to start a "
						+ "new branch from it, or --head with one of the heads (" + ids(heads) + ")");
			}
		}
		return parents;
	}

	static List<String> dependencies(RevisionGraph graph, List<String> identifiers) {
		Set<String> ids = new LinkedHashSet<>();
		for (String identifier : identifiers) {
			ids.addAll(graph.resolve(identifier, List.of()));
		}
		return new ArrayList<>(ids);
	}

	static String revisionId(RevisionGraph graph, @Nullable String requested) {
		if (requested == null) {
			String id;
			do {
				id = RevisionWriter.newId();
			}
			while (graph.get(id) != null);
			return id;
		}
		if (!RevisionWriter.ID.matcher(requested).matches()) {
			throw new CliException("Revision id '" + requested
					+ "' has characters other than letters, digits and '_'; pass another --rev-id");
		}
		Revision existing = graph.get(requested);
		if (existing != null) {
			throw new CliException("Revision id " + requested + " exists already (" + existing.location()
					+ "); pass another --rev-id");
		}
		return requested;
	}

	static void checkLabels(RevisionGraph graph, List<String> labels) {
		for (String label : labels) {
			for (Revision revision : graph.revisions()) {
				if (revision.branchLabels().contains(label)) {
					throw new CliException("Branch label '" + label + "' is already used by revision " + revision.id()
							+ " (" + revision.location() + "); pick another name");
				}
			}
		}
	}

	/**
	 * {@code --version-path}, else the first {@code filesystem:} location (a
	 * {@code classpath:} one is in {@code src/main/resources} of a Boot project). Java
	 * revisions go to {@code src/main/java} in the package a {@code classpath:} location
	 * scans ({@code classpath:db/migration} is package {@code db.migration}).
	 */
	static Path directory(ConnectionOptions connection, @Nullable Path versionPath, boolean java) {
		Path workingDirectory = connection.workingDirectory();
		if (versionPath != null) {
			return workingDirectory.resolve(versionPath).normalize();
		}
		List<String> configured = connection.settings().properties().getLocations();
		if (java) {
			String packagePath = configured.stream()
				.filter((location) -> location.startsWith("classpath:"))
				.map((location) -> location.substring("classpath:".length()).replaceFirst("^/+", ""))
				.findFirst()
				.orElse("db/migration");
			return workingDirectory.resolve("src/main/java").resolve(packagePath).normalize();
		}
		for (String location : connection.settings().locations()) {
			if (location.startsWith("filesystem:")) {
				return Path.of(location.substring("filesystem:".length()));
			}
		}
		for (String location : configured) {
			if (location.startsWith("classpath:")
					&& Files.isDirectory(workingDirectory.resolve("src/main/resources"))) {
				return workingDirectory.resolve("src/main/resources")
					.resolve(location.substring("classpath:".length()).replaceFirst("^/+", ""))
					.normalize();
			}
		}
		throw new CliException("No directory to write the revision to: none of the locations "
				+ connection.settings().locations() + " is a filesystem: location. Pass --version-path <dir>, "
				+ "or set migration.locations to filesystem:<dir> (or --locations)");
	}

	static void printGenerated(ConnectionOptions connection, Path file, String id) {
		Path shown = file.startsWith(connection.workingDirectory()) ? connection.workingDirectory().relativize(file)
				: file;
		connection.out().println("Generating " + shown + " ... done (revision " + id + ")");
	}

	static String ids(List<Revision> revisions) {
		return String.join(", ", revisions.stream().map(Revision::id).toList());
	}

}
