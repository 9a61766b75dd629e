package dev.migration.autogenerate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.migration.MigrationException;
import dev.migration.op.CreateIndex;
import dev.migration.op.CreateTable;
import dev.migration.op.ForeignKey;
import dev.migration.op.TableDefinition;
import dev.migration.op.UniqueKey;
import dev.migration.script.SqlSplitter;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Where the wanted schema comes from: a desired-state {@code schema.sql}, or JPA entity
 * classes through Hibernate's own DDL for the target dialect. Either is executed into a
 * scratch database of the target's kind and read back with the {@link SchemaReader}, so
 * the types compared are the database's own.
 */
public final class DesiredSchema {

	private DesiredSchema() {
	}

	/**
	 * The schema a {@code schema.sql} creates.
	 * @param script the script text
	 * @param location where it came from, for messages
	 * @param dialect the target dialect
	 * @param target a connection to the target (its server hosts the scratch schema on
	 * PostgreSQL and MySQL/MariaDB)
	 * @return the schema
	 */
	public static SchemaModel fromSql(String script, String location, Dialect dialect, Connection target) {
		List<String> statements = SqlSplitter.split(script, dialect, 1, location)
			.stream()
			.map(SqlStatement::sql)
			.toList();
		return Scratch.load(dialect, target, statements, location);
	}

	/** As {@link #fromSql(String, String, Dialect, Connection)}, from a file. */
	public static SchemaModel fromSql(Path file, Dialect dialect, Connection target) {
		try {
			return fromSql(Files.readString(file, StandardCharsets.UTF_8), file.toString(), dialect, target);
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot read the desired schema " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The schema Hibernate generates for the entity classes on the target dialect.
	 * @param entities the {@code @Entity} classes (and any {@code @Embeddable} or
	 * {@code @MappedSuperclass} they need)
	 * @param dialect the target dialect
	 * @param target a connection to the target
	 * @return the schema
	 */
	public static SchemaModel fromEntities(Collection<Class<?>> entities, Dialect dialect, Connection target) {
		HibernateDdl.Result ddl = HibernateDdl.generate(entities, dialect, HibernateDdl.Server.of(target));
		SchemaModel model = Scratch.load(dialect, target, ddl.statements(), "the JPA entities " + names(entities));
		return (dialect == Dialect.SQLITE) ? withKeys(model, ddl.keys()) : model;
	}

	/**
	 * Hibernate's SQLite dialect leaves foreign keys and unique keys out of its DDL
	 * (SQLite cannot add them to a table later); take them from Hibernate's metadata
	 * instead.
	 */
	private static SchemaModel withKeys(SchemaModel model, List<HibernateDdl.TableKeys> keys) {
		List<TableDefinition> tables = new ArrayList<>();
		for (TableDefinition table : model.tables()) {
			CreateTable create = table.table();
			List<CreateIndex> indexes = new ArrayList<>(table.indexes());
			for (HibernateDdl.TableKeys each : keys) {
				if (!each.table().equalsIgnoreCase(table.name())) {
					continue;
				}
				for (ForeignKey key : each.foreignKeys()) {
					if (create.foreignKeys()
						.stream()
						.noneMatch((existing) -> existing.columns().equals(key.columns()))) {
						create = create.withForeignKey(key);
					}
				}
				for (UniqueKey key : each.uniqueKeys()) {
					if (create.uniqueKeys()
						.stream()
						.noneMatch((existing) -> existing.columns().equals(key.columns()))) {
						create = create.withUnique(key);
					}
				}
				for (CreateIndex index : each.indexes()) {
					if (indexes.stream().noneMatch((existing) -> existing.columns().equals(index.columns()))) {
						indexes.add(index);
					}
				}
			}
			tables.add(new TableDefinition(create, indexes));
		}
		return new SchemaModel(tables);
	}

	private static String names(Collection<Class<?>> entities) {
		return entities.stream().map(Class::getSimpleName).sorted().toList().toString();
	}

}
