package dev.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.Revision;

/**
 * What {@code revision} and {@code merge} share around {@code RevisionAuthor}: where the
 * file goes, and the line that reports it.
 */
final class Authoring {

	private Authoring() {
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

	static void printGenerated(ConnectionOptions connection, Revision revision) {
		Path file = Path.of(revision.location());
		Path shown = file.startsWith(connection.workingDirectory()) ? connection.workingDirectory().relativize(file)
				: file;
		connection.out().println("Generating " + shown + " ... done (revision " + revision.id() + ")");
	}

}
