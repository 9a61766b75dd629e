package dev.migration.op;

import java.util.Objects;
import java.util.Optional;

/**
 * A literal SQL statement, passed through unchanged. Not reversible.
 *
 * @param sql the statement
 */
public record ExecuteSql(String sql) implements Operation {

	public ExecuteSql {
		Objects.requireNonNull(sql, "sql");
	}

	@Override
	public String table() {
		return "";
	}

	@Override
	public Optional<Operation> reverse() {
		return Optional.empty();
	}

}
