package dev.migration.test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.command.Migrator;
import dev.migration.script.SqlSplitter;
import dev.migration.script.SqlStatement;
import dev.migration.sql.Dialect;

/**
 * Offline SQL matches: the catalog after an online {@code upgrade heads} equals the
 * catalog after running the {@code upgrade base:heads --sql} script on the emptied schema
 * (every revision downgraded, the engine's tables dropped so that the script creates
 * them), statement by statement as a database client would.
 */
final class OfflineCheck {

	private static final String CHECK = "offline SQL";

	private OfflineCheck() {
	}

	static void check(Migrator migrator) {
		MigrationConfig config = migrator.config();
		Revisions.restoring(migrator, (ex) -> new MigrationCheckFailure(CHECK, null, null,
				"The offline SQL check failed: " + ex.getMessage(), List.of(), ex), () -> {
					migrator.upgrade("heads");
					CatalogSnapshot online = CatalogSnapshot.read(config);
					String script = render(migrator);
					migrator.downgrade("base");
					apply(config, script);
					CatalogSnapshot offline = CatalogSnapshot.read(config);
					List<String> differences = offline.differencesFrom(online, "only offline: ", "only online:  ");
					if (!differences.isEmpty()) {
						throw new MigrationCheckFailure(CHECK, null, "upgrade",
								"The offline SQL (upgrade base:heads --sql) builds another schema than the online "
										+ "upgrade:\n  " + String.join("\n  ", differences)
										+ "\nA Java revision probably does work online that it does not write "
										+ "through context.execute() or the operations API; route it through them",
								differences, null);
					}
				});
	}

	private static String render(Migrator migrator) {
		try {
			return migrator.upgradeSql("base:heads");
		}
		catch (MigrationException ex) {
			throw new MigrationCheckFailure(CHECK, null, "upgrade",
					"The offline SQL (upgrade base:heads --sql) " + "cannot be rendered: " + ex.getMessage()
							+ ". A Java revision that reads data cannot run "
							+ "offline: check context.isOffline() in it, or leave this check out",
					List.of(), ex);
		}
	}

	private static void apply(MigrationConfig config, String script) {
		try (Connection connection = config.dataSource().getConnection();
				Statement statement = connection.createStatement()) {
			Dialect dialect = (config.dialect() != null) ? config.dialect() : Dialect.detect(connection);
			String prefix = (config.schema() != null) ? config.schema() + "." : "";
			statement.execute("DROP TABLE IF EXISTS " + prefix + config.formatTable());
			statement.execute("DROP TABLE " + prefix + config.historyTable());
			statement.execute("DROP TABLE " + prefix + config.versionTable());
			for (SqlStatement each : SqlSplitter.split(script, dialect, 1, "upgrade base:heads --sql")) {
				try {
					statement.execute(each.sql());
				}
				catch (SQLException ex) {
					throw new MigrationCheckFailure(CHECK, null, "upgrade", "The offline SQL (upgrade base:heads "
							+ "--sql) fails at line " + each.line() + ": " + ex.getMessage() + "\n  " + each.sql()
							+ "\nRun the same script with the database's client to see it; online and offline runs "
							+ "must execute the same statements", List.of(), ex);
				}
			}
		}
		catch (SQLException ex) {
			throw new MigrationException("Cannot apply the offline SQL: " + ex.getMessage(), ex);
		}
	}

}
