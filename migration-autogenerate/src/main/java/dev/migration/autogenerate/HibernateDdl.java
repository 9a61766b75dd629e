package dev.migration.autogenerate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;

import dev.migration.MigrationException;
import dev.migration.sql.Dialect;

/**
 * Hibernate's own {@code CREATE} DDL for a set of entities on a dialect, generated from
 * its boot metadata without a connection (what {@code ddl-auto=create} would run).
 */
final class HibernateDdl {

	private HibernateDdl() {
	}

	/**
	 * Hibernate's DDL, and the keys and indexes of its metadata (which the SQLite dialect
	 * leaves out of its DDL because SQLite cannot add constraints later).
	 */
	record Result(List<String> statements, List<TableKeys> keys) {

	}

	/** A table's foreign keys, unique keys and indexes as Hibernate maps them. */
	record TableKeys(String table, List<dev.migration.op.ForeignKey> foreignKeys,
			List<dev.migration.op.UniqueKey> uniqueKeys, List<dev.migration.op.CreateIndex> indexes) {

	}

	/**
	 * The server the application's Hibernate would connect to: its product name and
	 * version as the JDBC driver reports them, from which Hibernate resolves the dialect
	 * and its version (MariaDB 10.7+ has {@code uuid}, for example).
	 *
	 * @param product the product name
	 * @param version the product version text
	 * @param major the major version
	 * @param minor the minor version
	 */
	record Server(String product, String version, int major, int minor) {

		static Server of(Connection connection) {
			try {
				DatabaseMetaData meta = connection.getMetaData();
				return new Server(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
						meta.getDatabaseMajorVersion(), meta.getDatabaseMinorVersion());
			}
			catch (SQLException ex) {
				throw new MigrationException("Cannot read the database's product and version, which Hibernate "
						+ "needs to choose the dialect: " + ex.getMessage(), ex);
			}
		}

	}

	static Result generate(Collection<Class<?>> entities, Dialect dialect, Server server) {
		if (entities.isEmpty()) {
			return new Result(List.of(), List.of());
		}
		StandardServiceRegistryBuilder builder = new StandardServiceRegistryBuilder()
			.applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
			.applySetting("jakarta.persistence.database-product-name", server.product())
			.applySetting("jakarta.persistence.database-product-version", server.version())
			.applySetting("jakarta.persistence.database-major-version", String.valueOf(server.major()))
			.applySetting("jakarta.persistence.database-minor-version", String.valueOf(server.minor()));
		if (dialect == Dialect.SQLITE) {
			// a community dialect, which Hibernate does not resolve by itself
			builder.applySetting("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
		}
		StandardServiceRegistry registry = builder.build();
		Path file = null;
		try {
			MetadataSources sources = new MetadataSources(registry);
			entities.forEach(sources::addAnnotatedClass);
			Metadata metadata = sources.buildMetadata();
			file = Files.createTempFile("migration-hibernate", ".sql");
			Files.delete(file);
			Map<String, Object> settings = new HashMap<>(
					registry.getService(org.hibernate.engine.config.spi.ConfigurationService.class).getSettings());
			settings.put("jakarta.persistence.schema-generation.database.action", "none");
			settings.put("jakarta.persistence.schema-generation.scripts.action", "create");
			settings.put("jakarta.persistence.schema-generation.scripts.create-target", file.toString());
			settings.put("hibernate.hbm2ddl.delimiter", ";");
			settings.put("hibernate.format_sql", "false");
			settings.put("hibernate.hbm2ddl.schema-generation.script.append", "false");
			SchemaManagementToolCoordinator.process(metadata, registry, settings, (action) -> {
			});
			List<String> statements = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				String sql = line.strip();
				if (sql.endsWith(";")) {
					sql = sql.substring(0, sql.length() - 1);
				}
				if (!sql.isEmpty()) {
					statements.add(sql);
				}
			}
			return new Result(statements, keys(metadata));
		}
		catch (IOException | RuntimeException ex) {
			throw new MigrationException("Hibernate cannot generate the schema for the entities "
					+ entities.stream().map(Class::getName).toList() + ": " + ex.getMessage()
					+ "; check the mappings (the same error would stop the application)", ex);
		}
		finally {
			StandardServiceRegistryBuilder.destroy(registry);
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temp file left behind is harmless
				}
			}
		}
	}

	private static List<TableKeys> keys(Metadata metadata) {
		List<TableKeys> keys = new ArrayList<>();
		for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
			if (!table.isPhysicalTable()) {
				continue;
			}
			List<dev.migration.op.ForeignKey> foreignKeys = new ArrayList<>();
			for (org.hibernate.mapping.ForeignKey key : table.getForeignKeyCollection()) {
				if (!key.isCreationEnabled() || key.getReferencedTable() == null) {
					continue;
				}
				List<org.hibernate.mapping.Column> referenced = key.getReferencedColumns().isEmpty()
						? key.getReferencedTable().getPrimaryKey().getColumns() : key.getReferencedColumns();
				foreignKeys.add(new dev.migration.op.ForeignKey(key.getName(), names(key.getColumns()),
						key.getReferencedTable().getName(), names(referenced), null));
			}
			List<dev.migration.op.UniqueKey> uniqueKeys = new ArrayList<>();
			table.getUniqueKeys()
				.values()
				.forEach((key) -> uniqueKeys
					.add(new dev.migration.op.UniqueKey(key.getName(), names(key.getColumns()))));
			List<dev.migration.op.CreateIndex> indexes = new ArrayList<>();
			table.getIndexes()
				.values()
				.forEach((index) -> indexes.add(new dev.migration.op.CreateIndex(index.getName(), table.getName(),
						names(index.getColumns()), index.isUnique(), false)));
			keys.add(new TableKeys(table.getName(), foreignKeys, uniqueKeys, indexes));
		}
		return keys;
	}

	private static List<String> names(List<org.hibernate.mapping.Column> columns) {
		return columns.stream().map(org.hibernate.mapping.Column::getName).toList();
	}

}
