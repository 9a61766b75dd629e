package dev.migration.autogenerate;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.migration.MigrationException;

/**
 * Finds the JPA {@code @Entity} classes among compiled classes (a project's
 * {@code target/classes}), optionally only below some packages: what the Maven plugin and
 * the CLI's {@code --classpath}/{@code --entities} hand to autogenerate.
 */
public final class EntityScanner {

	private EntityScanner() {
	}

	/**
	 * @param classLoader a loader that sees the classes and {@code jakarta.persistence}
	 * @param root a directory of compiled classes
	 * @param packages packages to keep (and their sub-packages); empty for all
	 * @return the entity classes, sorted by name
	 */
	public static List<Class<?>> scan(ClassLoader classLoader, Path root, List<String> packages) {
		Class<? extends Annotation> entity = entityAnnotation(classLoader);
		List<Class<?>> entities = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			return entities;
		}
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).sorted().toList()) {
				String name = root.relativize(file).toString().replace(File.separatorChar, '.');
				name = name.substring(0, name.length() - ".class".length());
				if (name.endsWith("module-info") || name.endsWith("package-info") || !inPackages(name, packages)) {
					continue;
				}
				Class<?> type;
				try {
					type = Class.forName(name, false, classLoader);
				}
				catch (ClassNotFoundException | LinkageError ex) {
					continue;
				}
				if (type.isAnnotationPresent(entity)) {
					entities.add(type);
				}
			}
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot scan " + root + " for entity classes: " + ex.getMessage(), ex);
		}
		return entities;
	}

	private static boolean inPackages(String className, List<String> packages) {
		return packages.isEmpty()
				|| packages.stream().anyMatch((pkg) -> className.startsWith(pkg + ".") || pkg.isEmpty());
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Annotation> entityAnnotation(ClassLoader classLoader) {
		try {
			return (Class<? extends Annotation>) Class.forName("jakarta.persistence.Entity", false, classLoader);
		}
		catch (ClassNotFoundException ex) {
			throw new MigrationException(
					"jakarta.persistence is not on the classpath; autogenerate from entities needs "
							+ "the project's JPA dependency (or use a schema.sql)",
					ex);
		}
	}

}
