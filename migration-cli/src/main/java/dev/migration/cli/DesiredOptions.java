package dev.migration.cli;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

import dev.migration.autogenerate.DesiredSource;
import dev.migration.autogenerate.EntityScanner;

/**
 * Where {@code revision --autogenerate} and {@code check} find the desired schema: the
 * project's compiled JPA entities ({@code --classpath}, {@code --entities}), or a
 * desired-state {@code schema.sql}.
 */
public class DesiredOptions {

	@Option(names = "--classpath", paramLabel = "<path>",
			description = "Compiled entity classes and the jars they need, separated by ':' (';' on Windows), "
					+ "e.g. target/classes; loaded in their own class loader.")
	private @Nullable String classpath;

	@Option(names = "--entities", split = ",", paramLabel = "<package|class>",
			description = "JPA entities to compare with: packages (with sub-packages) or class names, comma "
					+ "separated (default: every @Entity in the --classpath directories).")
	private List<String> entities = new ArrayList<>();

	@Option(names = "--schema-sql", paramLabel = "<file>",
			description = "A desired-state schema.sql to compare with, instead of entities.")
	private @Nullable Path schemaSql;

	boolean isSet() {
		return this.classpath != null || !this.entities.isEmpty() || this.schemaSql != null;
	}

	/**
	 * The desired schema, with the class loader it needs open until closed.
	 * @param workingDirectory where relative paths are resolved
	 * @return the source and its resources
	 */
	Desired open(Path workingDirectory) {
		if (this.schemaSql != null) {
			if (this.classpath != null || !this.entities.isEmpty()) {
				throw new CliException("--schema-sql and --classpath/--entities are two ways to give the desired "
						+ "schema; pass one of them");
			}
			Path file = workingDirectory.resolve(this.schemaSql).normalize();
			if (!Files.isRegularFile(file)) {
				throw new CliException("The desired-state file " + file + " does not exist; pass --schema-sql with "
						+ "the path of your schema.sql");
			}
			return new Desired(DesiredSource.sql(file), null);
		}
		if (this.classpath == null) {
			throw new CliException("Autogenerate needs the desired schema: pass --classpath with the compiled "
					+ "entity classes (e.g. target/classes" + File.pathSeparator
					+ "<jars they need>) and optionally --entities <package>, or --schema-sql <file>");
		}
		List<Path> entries = entries(workingDirectory);
		URLClassLoader loader = new URLClassLoader("entities", urls(entries), DesiredOptions.class.getClassLoader());
		try {
			List<Class<?>> found = entities(loader, entries);
			return new Desired(DesiredSource.entities(found), loader);
		}
		catch (RuntimeException ex) {
			close(loader);
			throw ex;
		}
	}

	private List<Path> entries(Path workingDirectory) {
		List<Path> entries = new ArrayList<>();
		for (String entry : this.classpath.split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			Path path = workingDirectory.resolve(entry.strip()).normalize();
			if (!Files.exists(path)) {
				throw new CliException("Classpath entry " + path + " does not exist; pass --classpath with the "
						+ "directory of the compiled entity classes (run the build first) and the jars they need, "
						+ "separated by '" + File.pathSeparator + "'");
			}
			entries.add(path);
		}
		return entries;
	}

	private static URL[] urls(List<Path> entries) {
		URL[] urls = new URL[entries.size()];
		for (int i = 0; i < urls.length; i++) {
			try {
				urls[i] = entries.get(i).toUri().toURL();
			}
			catch (MalformedURLException ex) {
				throw new CliException(
						"Classpath entry " + entries.get(i) + " is not a valid location: " + ex.getMessage());
			}
		}
		return urls;
	}

	/**
	 * Named classes are loaded; anything else is a package scanned in the directories.
	 */
	private List<Class<?>> entities(ClassLoader loader, List<Path> entries) {
		Set<Class<?>> found = new LinkedHashSet<>();
		List<String> packages = new ArrayList<>();
		for (String name : this.entities) {
			Class<?> type = load(loader, name.strip());
			if (type != null) {
				found.add(type);
			}
			else {
				packages.add(name.strip());
			}
		}
		if (this.entities.isEmpty() || !packages.isEmpty()) {
			for (Path entry : entries) {
				found.addAll(EntityScanner.scan(loader, entry, packages));
			}
		}
		if (found.isEmpty()) {
			throw new CliException("No @Entity class found in " + this.classpath
					+ (this.entities.isEmpty() ? "" : " for --entities " + String.join(",", this.entities))
					+ "; pass --classpath with the directory of the compiled entity classes and --entities with "
					+ "their package or class names, or --schema-sql <file>");
		}
		return new ArrayList<>(found);
	}

	private static @Nullable Class<?> load(ClassLoader loader, String name) {
		try {
			return Class.forName(name, false, loader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static void close(@Nullable URLClassLoader loader) {
		if (loader != null) {
			try {
				loader.close();
			}
			catch (IOException ex) {
				// nothing was written through it; the process ends soon
			}
		}
	}

	/** A desired schema and the class loader of its entities. */
	static final class Desired implements AutoCloseable {

		private final DesiredSource source;

		private final @Nullable URLClassLoader loader;

		Desired(DesiredSource source, @Nullable URLClassLoader loader) {
			this.source = source;
			this.loader = loader;
		}

		/** Hibernate looks classes up through the context class loader too. */
		DesiredSource source() {
			if (this.loader == null) {
				return this.source;
			}
			ClassLoader loader = this.loader;
			return (dialect, target) -> {
				Thread thread = Thread.currentThread();
				ClassLoader previous = thread.getContextClassLoader();
				thread.setContextClassLoader(loader);
				try {
					return this.source.load(dialect, target);
				}
				finally {
					thread.setContextClassLoader(previous);
				}
			};
		}

		@Override
		public void close() {
			DesiredOptions.close(this.loader);
		}

	}

}
