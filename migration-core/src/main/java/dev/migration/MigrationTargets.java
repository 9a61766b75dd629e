package dev.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The schemas one run migrates, each with its own version and history tables (schema per
 * tenant): a fixed list ({@code migration.schemas}, CLI {@code --schemas a,b,c}) or the
 * rows of a query ({@code --schemas-query}). A Spring bean of this type replaces
 * {@code migration.schemas}.
 */
@FunctionalInterface
public interface MigrationTargets {

	/**
	 * The schemas to migrate, in order.
	 * @param dataSource the database
	 * @return schema names (plain identifiers)
	 */
	List<String> schemas(DataSource dataSource);

	/** A fixed list. */
	static MigrationTargets of(List<String> schemas) {
		List<String> copy = List.copyOf(schemas);
		return (dataSource) -> copy;
	}

	/**
	 * The first column of a query's rows, e.g.
	 * {@code SELECT schema_name FROM tenants WHERE active}.
	 */
	static MigrationTargets query(String sql) {
		return (dataSource) -> {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(sql)) {
				List<String> schemas = new ArrayList<>();
				while (rs.next()) {
					schemas.add(rs.getString(1));
				}
				return schemas;
			}
			catch (SQLException ex) {
				throw new InvalidConfigurationException("migration.schemas-query",
						"failed: " + ex.getMessage() + " (query: " + sql + ")");
			}
		};
	}

}
