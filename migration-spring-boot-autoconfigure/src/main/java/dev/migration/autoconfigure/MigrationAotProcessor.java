package dev.migration.autoconfigure;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

import dev.migration.Migration;
import dev.migration.MigrationConfig;
import dev.migration.command.Migrator;

/**
 * Ahead-of-time hints for a native image: the scripts below every {@code classpath:}
 * location of {@code migration.locations} (read from the build's environment, as the
 * locations are settings), and reflection plus the {@code .class} resource (the checksum
 * of a Java revision is that of its class file) for every Java migration, found at those
 * locations or declared as a bean. {@code {vendor}} in a location matches every vendor's
 * folder; {@code filesystem:} locations are read from disk at run time and need no hints.
 */
class MigrationAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final String VENDOR = "{vendor}";

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(Migrator.class, true, false).length == 0) {
			return null;
		}
		ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null) ? beanFactory.getBeanClassLoader()
				: ClassUtils.getDefaultClassLoader();
		List<String> paths = classpathPaths(locations(beanFactory));
		Set<Class<?>> migrations = new LinkedHashSet<>();
		for (String path : paths) {
			migrations.addAll(scannedMigrations(path, classLoader));
		}
		for (String name : beanFactory.getBeanNamesForType(Migration.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null) {
				migrations.add(ClassUtils.getUserClass(type));
			}
		}
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), paths, migrations);
	}

	private static void register(RuntimeHints hints, List<String> paths, Set<Class<?>> migrations) {
		for (String path : paths) {
			hints.resources().registerPattern(path + "/**/*.sql");
		}
		for (Class<?> migration : migrations) {
			hints.reflection()
				.registerType(TypeReference.of(migration), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
						MemberCategory.INVOKE_PUBLIC_METHODS);
			hints.resources().registerPattern(migration.getName().replace('.', '/') + ".class");
		}
	}

	private static List<String> locations(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean("environment")) {
			return List.of(MigrationConfig.DEFAULT_LOCATION);
		}
		Environment environment = beanFactory.getBean("environment", Environment.class);
		return Binder.get(environment)
			.bind("migration.locations", Bindable.listOf(String.class))
			.orElse(List.of(MigrationConfig.DEFAULT_LOCATION));
	}

	/**
	 * Resource paths (no leading or trailing slash, {@code {vendor}} as {@code *}) of the
	 * classpath locations, as the core reads them: a bare path is on the classpath.
	 */
	static List<String> classpathPaths(List<String> locations) {
		List<String> paths = new ArrayList<>();
		for (String location : locations) {
			String path = location.strip();
			if (path.startsWith("filesystem:")) {
				continue;
			}
			if (path.startsWith("classpath:")) {
				path = path.substring("classpath:".length());
			}
			while (path.startsWith("/")) {
				path = path.substring(1);
			}
			while (path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			if (!path.isEmpty()) {
				paths.add(path.replace(VENDOR, "*"));
			}
		}
		return paths;
	}

	private static List<Class<?>> scannedMigrations(String path, ClassLoader classLoader) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(classLoader);
		List<Class<?>> found = new ArrayList<>();
		try {
			for (Resource resource : resolver.getResources("classpath*:" + path + "/**/*.class")) {
				String className = readers.getMetadataReader(resource).getClassMetadata().getClassName();
				Class<?> type = ClassUtils.forName(className, classLoader);
				if (Migration.class.isAssignableFrom(type) && !type.isInterface()
						&& !Modifier.isAbstract(type.getModifiers())) {
					found.add(type);
				}
			}
		}
		catch (IOException | ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Cannot list the Java migrations below classpath:" + path
					+ " for the native image hints: " + ex + "; check the build's class path", ex);
		}
		return found;
	}

}
