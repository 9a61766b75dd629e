package dev.migration.autogenerate;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;

import dev.migration.sql.Dialect;

/**
 * Where the desired schema comes from, loaded against the target (whose server hosts the
 * scratch schema).
 */
@FunctionalInterface
public interface DesiredSource {

	SchemaModel load(Dialect dialect, Connection target);

	/** JPA entity classes, through Hibernate's DDL for the target dialect. */
	static DesiredSource entities(Collection<Class<?>> entities) {
		List<Class<?>> copy = List.copyOf(entities);
		return (dialect, target) -> DesiredSchema.fromEntities(copy, dialect, target);
	}

	/** A desired-state {@code schema.sql}. */
	static DesiredSource sql(Path file) {
		return (dialect, target) -> DesiredSchema.fromSql(file, dialect, target);
	}

}
