package dev.migration.autogenerate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import dev.migration.MigrationContext;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.sql.Dialect;

/** Collects the statements operations render, for an SQL revision file. */
final class OfflineContext implements MigrationContext {

	private final Dialect dialect;

	private final List<String> statements = new ArrayList<>();

	OfflineContext(Dialect dialect) {
		this.dialect = dialect;
	}

	@Override
	public Revision revision() {
		return Revision.of("autogenerate");
	}

	@Override
	public Dialect dialect() {
		return this.dialect;
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

	List<String> statements() {
		return this.statements;
	}

}
