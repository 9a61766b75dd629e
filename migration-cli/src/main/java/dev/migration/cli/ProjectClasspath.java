package dev.migration.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The class path the CLI reads {@code classpath:} locations, Java revisions and JPA
 * entities from: {@code --classpath}, else the compiled output of the Maven or Gradle
 * project in the working directory ({@code target/classes};
 * {@code build/classes/java/main} and {@code build/resources/main}), so that they resolve
 * as in the application.
 */
final class ProjectClasspath {

	private static final List<String> SOURCES = List.of("src/main/java", "src/main/resources");

	private final Path workingDirectory;

	private final List<Path> entries;

	private final String origin;

	private final boolean project;

	private @Nullable URLClassLoader loader;

	private ProjectClasspath(Path workingDirectory, List<Path> entries, String origin, boolean project) {
		this.workingDirectory = workingDirectory;
		this.entries = entries;
		this.origin = origin;
		this.project = project;
	}

	/**
	 * The class path for a working directory.
	 * @param workingDirectory where relative entries are resolved and the build file is
	 * looked for
	 * @param flag the {@code --classpath} value, or {@code null}
	 * @return the class path, possibly empty
	 */
	static ProjectClasspath resolve(Path workingDirectory, @Nullable String flag) {
		if (flag != null) {
			return new ProjectClasspath(workingDirectory, explicit(workingDirectory, flag), "--classpath", false);
		}
		if (Files.isRegularFile(workingDirectory.resolve("pom.xml"))) {
			return project(workingDirectory, "Maven project (pom.xml)", List.of("target/classes"));
		}
		for (String build : List.of("build.gradle", "build.gradle.kts")) {
			if (Files.isRegularFile(workingDirectory.resolve(build))) {
				return project(workingDirectory, "Gradle project (" + build + ")",
						List.of("build/classes/java/main", "build/classes/kotlin/main", "build/resources/main"));
			}
		}
		return new ProjectClasspath(workingDirectory, List.of(), "no Maven or Gradle project here", false);
	}

	private static ProjectClasspath project(Path workingDirectory, String origin, List<String> outputs) {
		List<Path> entries = outputs.stream()
			.map((output) -> workingDirectory.resolve(output).normalize())
			.filter(Files::isDirectory)
			.toList();
		return new ProjectClasspath(workingDirectory, entries,
				entries.isEmpty() ? origin + ", not built: " + String.join(", ", outputs) + " missing" : origin, true);
	}

	private static List<Path> explicit(Path workingDirectory, String flag) {
		List<Path> entries = new ArrayList<>();
		for (String entry : flag.split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			Path path = workingDirectory.resolve(entry.strip()).normalize();
			if (!Files.exists(path)) {
				throw new CliException("Classpath entry " + path + " does not exist; pass --classpath with the "
						+ "directories of the compiled classes (run the build first) and the jars they need, "
						+ "separated by '" + File.pathSeparator + "'");
			}
			entries.add(path);
		}
		return entries;
	}

	/** The entries as written: the flag, or relative to the working directory. */
	String written() {
		return String.join(File.pathSeparator,
				this.entries.stream().map((entry) -> this.workingDirectory.relativize(entry).toString()).toList());
	}

	boolean isEmpty() {
		return this.entries.isEmpty();
	}

	boolean isExplicit() {
		return "--classpath".equals(this.origin);
	}

	List<Path> entries() {
		return this.entries;
	}

	/**
	 * The class loader of the entries, the CLI's own as parent; {@code null} when empty.
	 */
	@Nullable ClassLoader loader() {
		if (this.entries.isEmpty()) {
			return null;
		}
		if (this.loader == null) {
			URL[] urls = new URL[this.entries.size()];
			for (int i = 0; i < urls.length; i++) {
				try {
					urls[i] = this.entries.get(i).toUri().toURL();
				}
				catch (MalformedURLException ex) {
					throw new CliException(
							"Classpath entry " + this.entries.get(i) + " is not a valid location: " + ex.getMessage());
				}
			}
			this.loader = new URLClassLoader("project", urls, ProjectClasspath.class.getClassLoader());
		}
		return this.loader;
	}

	/**
	 * Where the application finds {@code classpath:application.*}: the first directory on
	 * the class path that holds an {@code application.properties}, {@code .yml} or
	 * {@code .yaml}; without a class path (a project not built yet), the project's
	 * {@code src/main/resources}. Files inside jars are not read.
	 * @return the directory, {@code null} when there is none
	 */
	@Nullable Path applicationDirectory() {
		if (this.entries.isEmpty()) {
			Path sources = this.workingDirectory.resolve("src/main/resources");
			return Files.isDirectory(sources) ? sources : null;
		}
		for (Path entry : this.entries) {
			for (String extension : List.of("properties", "yml", "yaml")) {
				if (Files.isRegularFile(entry.resolve("application." + extension))) {
					return entry;
				}
			}
		}
		return null;
	}

	/** What {@code --debug} prints. */
	String describe() {
		if (this.entries.isEmpty()) {
			return "Class path: the CLI's own (" + this.origin + ")";
		}
		return "Class path (" + this.origin + "): "
				+ String.join(File.pathSeparator, this.entries.stream().map(Path::toString).toList());
	}

	/**
	 * A warning when a project source is newer than every compiled file: the CLI would
	 * not see the change until the build runs.
	 * @return the warning, if any
	 */
	Optional<String> staleWarning() {
		if (!this.project || this.entries.isEmpty()) {
			return Optional.empty();
		}
		Newest compiled = newest(this.entries);
		Newest source = newest(SOURCES.stream().map(this.workingDirectory::resolve).toList());
		if (source.file == null || (compiled.file != null && source.time.compareTo(compiled.time) <= 0)) {
			return Optional.empty();
		}
		String build = this.origin.startsWith("Maven") ? "mvn compile" : "gradle classes";
		return Optional.of("Warning: " + this.workingDirectory.relativize(source.file) + " is newer than the compiled "
				+ "classes in " + this.workingDirectory.relativize(this.entries.get(0)) + "; run the build (" + build
				+ ") so that the CLI sees the change, or pass --classpath");
	}

	private static Newest newest(List<Path> roots) {
		Newest newest = new Newest();
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(Files::isRegularFile).forEach((file) -> newest.consider(file));
			}
			catch (IOException | UncheckedIOException ex) {
				// the warning is a courtesy: an unreadable tree is not worth failing for
			}
		}
		return newest;
	}

	/** The most recently modified file seen. */
	private static final class Newest {

		private @Nullable Path file;

		private FileTime time = FileTime.fromMillis(Long.MIN_VALUE);

		void consider(Path file) {
			try {
				FileTime modified = Files.getLastModifiedTime(file);
				if (modified.compareTo(this.time) > 0) {
					this.time = modified;
					this.file = file;
				}
			}
			catch (IOException ex) {
				// a file that vanished while walking: not newer than anything
			}
		}

	}

}
