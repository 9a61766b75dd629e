package dev.migration.autogenerate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import dev.migration.MigrationContext;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.sql.Dialect;

/**
 * Collects the statements operations render, for an SQL revision file.
 *
 * @param dialect the dialect the statements are rendered for
 * @param statements the statements, in order
 */
record OfflineContext(Dialect dialect, List<String> statements) implements MigrationContext {

	OfflineContext(Dialect dialect) {
		this(dialect, new ArrayList<>());
	}

	@Override
	public Revision revision() {
		return Revision.of("autogenerate");
	}

	@Override
	public boolean isOffline() {
		return true;
	}

	@Override
	public Connection connection() {
		throw new MigrationException("autogenerate renders SQL offline and has no connection");
	}

	@Override
	public void execute(String sql) {
		this.statements.add(sql);
	}

}
