package dev.migration.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The engine's own writes prepared once per session on PostgreSQL, so that a batch sends
 * {@code EXECUTE name(values)} instead of the whole write with its values as literals:
 * the server then parses and plans each shape of write (a revision's version-table change
 * and history row, a progress update) once per run instead of once per revision. A
 * prepared statement is session state, so this is used only where the session is the
 * server's for the whole run (a session lock; not through a transaction-pooling
 * PgBouncer, where the lease table is the lock). The names carry a random part, so that a
 * pooled connection that kept one (a process killed mid-run) never clashes with the next
 * run's, and every name is deallocated when the session ends.
 */
final class PreparedWrites {

	/** At most this many shapes are prepared; any further one goes out with literals. */
	static final int LIMIT = 32;

	private final String prefix;

	/** Shape (template and parameter types) to name, prepared or being prepared. */
	private final Map<String, String> names = new HashMap<>();

	/** Names whose {@code PREPARE} is in the batch being sent. */
	private final Set<String> pending = new LinkedHashSet<>();

	/** Names that exist in the session. */
	private final List<String> prepared = new ArrayList<>();

	/** Names whose {@code PREPARE} was in a failed batch: they may or may not exist. */
	private final List<String> uncertain = new ArrayList<>();

	private int next;

	PreparedWrites() {
		this.prefix = "migration_w" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL) + "_";
	}

	/** A shape's name and whether its {@code PREPARE} must be sent first. */
	record Name(String name, boolean isNew) {

	}

	/**
	 * The name of a shape of write.
	 * @param shape the write's template and parameter types
	 * @return its name, or {@code null} when {@link #LIMIT} shapes are prepared already
	 */
	@Nullable Name nameFor(String shape) {
		String name = this.names.get(shape);
		if (name != null) {
			return new Name(name, false);
		}
		if (this.next >= LIMIT) {
			return null;
		}
		name = this.prefix + (++this.next);
		this.names.put(shape, name);
		this.pending.add(name);
		return new Name(name, true);
	}

	/** The batch with the pending {@code PREPARE}s succeeded: they exist. */
	void sent() {
		this.prepared.addAll(this.pending);
		this.pending.clear();
	}

	/**
	 * The batch with the pending {@code PREPARE}s failed: a {@code PREPARE} before the
	 * failing entry ran (and is not undone by the rollback), one after it did not. Their
	 * shapes get new names when next needed.
	 */
	void failed() {
		if (this.pending.isEmpty()) {
			return;
		}
		this.names.values().removeAll(this.pending);
		this.uncertain.addAll(this.pending);
		this.pending.clear();
	}

	/**
	 * Deallocate every name of the session, so that a pooled connection goes back as it
	 * came.
	 * @param connection the session's connection, in auto-commit
	 * @param before statements to send first in the same round trip (may be empty)
	 * @throws SQLException from {@code before} or a prepared name's deallocation
	 */
	void deallocate(Connection connection, String before) throws SQLException {
		StringBuilder sql = new StringBuilder(before);
		for (String name : this.prepared) {
			sql.append((sql.length() > 0) ? "; " : "").append("DEALLOCATE ").append(name);
		}
		this.prepared.clear();
		try (Statement statement = connection.createStatement()) {
			if (sql.length() > 0) {
				statement.execute(sql.toString());
			}
			for (String name : this.uncertain) {
				try {
					statement.execute("DEALLOCATE " + name);
				}
				catch (SQLException ex) {
					// never prepared: its batch failed before it
				}
			}
		}
		finally {
			this.uncertain.clear();
		}
	}

	/**
	 * Whether any name may exist in the session.
	 * @return whether {@link #deallocate} has work
	 */
	boolean any() {
		return !this.prepared.isEmpty() || !this.uncertain.isEmpty();
	}

}
