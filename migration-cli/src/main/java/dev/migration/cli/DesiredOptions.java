package dev.migration.cli;

import java.io.File;
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
 * project's compiled JPA entities (the {@link ProjectClasspath}, {@code --entities}), or
 * a desired-state {@code schema.sql}.
 */
public class DesiredOptions {

	@Option(names = "--entities", split = ",", paramLabel = "<package|class>",
			description = "JPA entities to compare with: packages (with sub-packages) or class names, comma "
					+ "separated (default: every @Entity in the class path directories).")
	private List<String> entities = new ArrayList<>();

	@Option(names = "--schema-sql", paramLabel = "<file>",
			description = "A desired-state schema.sql to compare with, instead of entities.")
	private @Nullable Path schemaSql;

	boolean isSet() {
		return !this.entities.isEmpty() || this.schemaSql != null;
	}

	/**
	 * The desired schema; the class loader is the connection options', open until the
	 * process ends.
	 * @param connection the working directory and the class path of the entities
	 * @return the source
	 */
	Desired open(ConnectionOptions connection) {
		ProjectClasspath classpath = connection.classpath();
		if (this.schemaSql != null) {
			if (classpath.isExplicit() || !this.entities.isEmpty()) {
				throw new CliException("--schema-sql and --classpath/--entities are two ways to give the desired "
						+ "schema; pass one of them");
			}
			Path file = connection.workingDirectory().resolve(this.schemaSql).normalize();
			if (!Files.isRegularFile(file)) {
				throw new CliException("The desired-state file " + file + " does not exist; pass --schema-sql with "
						+ "the path of your schema.sql");
			}
			return new Desired(DesiredSource.sql(file), null);
		}
		ClassLoader loader = classpath.loader();
		if (loader == null) {
			throw new CliException("Autogenerate needs the desired schema: pass --classpath with the compiled "
					+ "entity classes (e.g. target/classes" + File.pathSeparator
					+ "<jars they need>) and optionally --entities <package>, or --schema-sql <file>");
		}
		return new Desired(DesiredSource.entities(entities(loader, classpath)), loader);
	}

	/**
	 * Named classes are loaded; anything else is a package scanned in the directories.
	 */
	private List<Class<?>> entities(ClassLoader loader, ProjectClasspath classpath) {
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
			for (Path entry : classpath.entries()) {
				found.addAll(EntityScanner.scan(loader, entry, packages));
			}
		}
		if (found.isEmpty()) {
			throw new CliException("No @Entity class found in " + classpath.written()
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

	/** A desired schema and the class loader of its entities. */
	static final class Desired {

		private final DesiredSource source;

		private final @Nullable ClassLoader loader;

		Desired(DesiredSource source, @Nullable ClassLoader loader) {
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

	}

}
