package dev.migration.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The floor of the guarantee this project keeps where a revision's statements commit one
 * by one (MariaDB/MySQL, which commit DDL implicitly, and {@code transactional: false}
 * everywhere): what any tool must at least do so that a kill mid-revision leaves a row
 * saying how far the revision got. Over raw JDBC, with the statements from memory: the
 * revision's row is written before its first statement and commits no later than it
 * (MariaDB: with the first statement's implicit commit; a {@code transactional: false}
 * revision on PostgreSQL: on its own), a count after every statement (MariaDB: committed
 * by the next statement's implicit commit or the revision's commit), and the row's close
 * with the revision's commit. A revision that runs in one transaction (on PostgreSQL)
 * costs what {@link FloorContender} costs: its statements, its row, one commit. Not a
 * default contender: {@code --contenders floor,floor-progress,us}.
 */
final class ProgressFloorContender implements Contender {

	static final String NAME = "floor-progress";

	private static final String TABLE = "floor_progress";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int apply(BenchDatabase db, ScriptSet scripts) throws SQLException {
		boolean mariadb = db.kind() == BenchDatabase.DbKind.MARIADB;
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement
				.execute("CREATE TABLE " + TABLE + " (revision VARCHAR(32) PRIMARY KEY, checksum VARCHAR(64) NOT NULL,"
						+ " applied_at TIMESTAMP NOT NULL, done INT NOT NULL, finished BOOLEAN NOT NULL)");
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
					+ " (revision, checksum, applied_at, done, finished) VALUES (?, ?, ?, ?, ?)");
					PreparedStatement progress = connection
						.prepareStatement("UPDATE " + TABLE + " SET done = ? WHERE revision = ?");
					PreparedStatement close = connection
						.prepareStatement("UPDATE " + TABLE + " SET finished = TRUE WHERE revision = ?")) {
				for (ScriptSet.Rev rev : scripts.revisions()) {
					boolean stepwise = mariadb || !rev.transactional();
					insert.setString(1, rev.id());
					insert.setString(2, rev.checksum());
					insert.setTimestamp(3, Timestamp.from(Instant.now()));
					insert.setInt(4, stepwise ? 0 : rev.statements().size());
					insert.setBoolean(5, !stepwise);
					if (!stepwise) {
						for (String sql : rev.statements()) {
							statement.execute(sql);
						}
						insert.executeUpdate();
						connection.commit();
						continue;
					}
					insert.executeUpdate();
					if (!rev.transactional()) {
						// CREATE INDEX CONCURRENTLY and the like: the row first, then
						// each
						// statement and its count on their own
						connection.commit();
						connection.setAutoCommit(true);
					}
					int done = 0;
					for (String sql : rev.statements()) {
						statement.execute(sql);
						progress.setInt(1, ++done);
						progress.setString(2, rev.id());
						progress.executeUpdate();
					}
					if (!rev.transactional()) {
						connection.setAutoCommit(false);
					}
					close.setString(1, rev.id());
					close.executeUpdate();
					connection.commit();
				}
			}
			return scripts.size();
		}
	}

	@Override
	public int upToDate(BenchDatabase db, ScriptSet scripts) throws Exception {
		return FloorContender.validate(db, scripts, TABLE);
	}

	@Override
	public int validate(BenchDatabase db, ScriptSet scripts) throws Exception {
		return FloorContender.validate(db, scripts, TABLE);
	}

	@Override
	public int graph(BenchDatabase db, ScriptSet scripts) throws Exception {
		return new FloorContender().graph(db, scripts);
	}

}
