package dev.migration.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the migrations are compared with: entity classes, packages to scan for them, or a
 * desired-state {@code schema.sql}.
 *
 * @param entities JPA entity classes
 * @param packages packages scanned for {@code @Entity} classes on the test class path
 * @param schemaSql a {@code classpath:} resource or a file path, or {@code null}
 */
record Models(List<Class<?>> entities, List<String> packages, @Nullable String schemaSql) {

	static final Models NONE = new Models(List.of(), List.of(), null);

	Models {
		entities = List.copyOf(entities);
		packages = List.copyOf(packages);
	}

	boolean isEmpty() {
		return this.entities.isEmpty() && this.packages.isEmpty() && this.schemaSql == null;
	}

	String describe() {
		if (this.schemaSql != null) {
			return this.schemaSql;
		}
		List<String> names = new ArrayList<>(this.entities.stream().map(Class::getSimpleName).toList());
		names.addAll(this.packages.stream().map((pkg) -> pkg + ".*").toList());
		return "the entities " + names;
	}

}
