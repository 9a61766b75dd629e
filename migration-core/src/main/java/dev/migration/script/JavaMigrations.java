package dev.migration.script;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.migration.Migration;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.RevisionInfo;
import dev.migration.ScriptParseException;

/**
 * Turns {@link Migration} classes and instances into revisions from their
 * {@link RevisionInfo}.
 */
final class JavaMigrations {

	private JavaMigrations() {
	}

	/**
	 * The migration class a {@code .class} file below a classpath location holds, or
	 * {@code null} when the class is not a concrete migration (helpers may live next to
	 * migrations).
	 */
	static @Nullable Class<? extends Migration> candidate(String className, ClassLoader classLoader) {
		int dollar = className.lastIndexOf('$');
		if (className.endsWith("package-info") || className.endsWith("module-info")
				|| (dollar >= 0 && dollar + 1 < className.length() && Chars.isDigit(className.charAt(dollar + 1)))) {
			return null;
		}
		Class<?> type;
		try {
			type = Class.forName(className, false, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new MigrationException("Cannot load class " + className + " found among the migrations: " + ex
					+ "; fix its dependencies or move it out of the migration location", ex);
		}
		if (!Migration.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			return null;
		}
		return type.asSubclass(Migration.class);
	}

	static Migration instantiate(Class<? extends Migration> type) {
		requireInfo(type);
		try {
			Constructor<? extends Migration> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
		catch (NoSuchMethodException ex) {
			throw new MigrationException("Java migration " + type.getName() + " has no no-argument constructor; add "
					+ "one (and make a nested class static), or register the migration as a Spring bean", ex);
		}
		catch (InvocationTargetException ex) {
			throw new MigrationException("Java migration " + type.getName() + " failed in its constructor: "
					+ ex.getCause() + "; fix the constructor", ex.getCause());
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new MigrationException(
					"Cannot instantiate Java migration " + type.getName() + ": " + ex + "; make it a public class", ex);
		}
	}

	static Revision revision(Migration migration) {
		Class<?> type = annotatedClass(migration.getClass());
		RevisionInfo info = requireInfo(migration.getClass());
		String location = type.getName();
		if (info.id().isBlank()) {
			throw new ScriptParseException(location, 0, "@RevisionInfo has an empty id; set id = \"<revision id>\"");
		}
		Instant created = null;
		if (!info.created().isBlank()) {
			created = SqlScriptParser.parseInstant(info.created().strip());
			if (created == null) {
				throw new ScriptParseException(location, 0, "@RevisionInfo(created = \"" + info.created()
						+ "\") is not an ISO-8601 date-time; write e.g. created = \"2026-11-24T12:00:00Z\"");
			}
		}
		return new Revision(info.id().strip(), info.message(), List.of(info.revises()), List.of(info.dependsOn()),
				List.of(info.branchLabels()), created, info.transactional(), Revision.Kind.JAVA, location,
				(migration.checksum() != null) ? migration.checksum() : Checksums.ofClass(type), migration);
	}

	/**
	 * The class carrying {@link RevisionInfo}: the class itself or, for proxies, a
	 * superclass.
	 */
	static Class<?> annotatedClass(Class<?> type) {
		for (Class<?> each = type; each != null && each != Object.class; each = each.getSuperclass()) {
			if (each.isAnnotationPresent(RevisionInfo.class)) {
				return each;
			}
		}
		return type;
	}

	private static RevisionInfo requireInfo(Class<?> type) {
		RevisionInfo info = annotatedClass(type).getAnnotation(RevisionInfo.class);
		if (info == null) {
			throw new ScriptParseException(type.getName(), 0, "Java migration has no @RevisionInfo; annotate the "
					+ "class, e.g. @RevisionInfo(id = \"1a2b3c4d5e6f\", revises = \"0f9e8d7c6b5a\", message = \"...\")");
		}
		return info;
	}

}
