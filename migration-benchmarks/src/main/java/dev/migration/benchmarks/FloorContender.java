package dev.migration.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The physical floor: what any tool must at least do. Apply: the same statements over raw
 * JDBC, one commit per revision (autocommit for a revision that must run outside a
 * transaction), with a one-row bookkeeping insert per revision (the statements come from
 * memory: no file reading, no parsing). Up-to-date and validate: read every script file,
 * SHA-256 it and compare with the bookkeeping rows. Graph: read every file, pick the id
 * and parents from its header and order them.
 */
final class FloorContender implements Contender {

	static final String NAME = "floor";

	private static final String TABLE = "floor_history";

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public int apply(BenchDatabase db, ScriptSet scripts) throws SQLException {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + TABLE
					+ " (revision VARCHAR(32) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP NOT NULL)");
			connection.setAutoCommit(false);
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO " + TABLE + " (revision, checksum, applied_at) VALUES (?, ?, ?)")) {
				for (ScriptSet.Rev rev : scripts.revisions()) {
					if (!rev.transactional()) {
						// CREATE INDEX CONCURRENTLY and the like: outside a transaction
						connection.setAutoCommit(true);
					}
					for (String sql : rev.statements()) {
						statement.execute(sql);
					}
					insert.setString(1, rev.id());
					insert.setString(2, rev.checksum());
					insert.setTimestamp(3, Timestamp.from(Instant.now()));
					insert.executeUpdate();
					if (rev.transactional()) {
						connection.commit();
					}
					else {
						connection.setAutoCommit(false);
					}
				}
			}
			return scripts.size();
		}
	}

	@Override
	public int upToDate(BenchDatabase db, ScriptSet scripts) throws Exception {
		return validate(db, scripts);
	}

	@Override
	public int validate(BenchDatabase db, ScriptSet scripts) throws Exception {
		return validate(db, scripts, TABLE);
	}

	/**
	 * Read every script file, SHA-256 it and compare with the rows of a bookkeeping
	 * table.
	 * @return the number of mismatches
	 */
	static int validate(BenchDatabase db, ScriptSet scripts, String table) throws Exception {
		Map<String, String> onDisk = new HashMap<>();
		for (Path file : files(scripts.ours())) {
			String name = file.getFileName().toString();
			onDisk.put(name.substring(0, name.indexOf('_')),
					ScriptSet.sha256(Files.readString(file, StandardCharsets.UTF_8)));
		}
		int mismatches = 0;
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT revision, checksum FROM " + table)) {
			while (rs.next()) {
				if (!rs.getString(2).equals(onDisk.get(rs.getString(1)))) {
					mismatches++;
				}
			}
		}
		return mismatches;
	}

	@Override
	public int graph(BenchDatabase db, ScriptSet scripts) throws Exception {
		Map<String, List<String>> parents = new HashMap<>();
		for (Path file : files(scripts.ours())) {
			String id = null;
			List<String> revises = List.of();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (line.startsWith("-- revision: ")) {
					id = line.substring(13).trim();
				}
				else if (line.startsWith("-- revises: ")) {
					revises = List.of(line.substring(12).trim().split("\\s*,\\s*"));
				}
				else if (line.startsWith("-- +upgrade")) {
					break;
				}
			}
			parents.put(id, revises);
		}
		return topologicalOrder(parents).size();
	}

	private static List<String> topologicalOrder(Map<String, List<String>> parents) {
		Map<String, List<String>> children = new HashMap<>();
		Map<String, Integer> pending = new HashMap<>();
		Deque<String> ready = new ArrayDeque<>();
		parents.forEach((id, revises) -> {
			pending.put(id, revises.size());
			if (revises.isEmpty()) {
				ready.add(id);
			}
			revises.forEach((parent) -> children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(id));
		});
		List<String> order = new ArrayList<>(parents.size());
		Set<String> done = new HashSet<>();
		while (!ready.isEmpty()) {
			String id = ready.poll();
			order.add(id);
			done.add(id);
			for (String child : children.getOrDefault(id, List.of())) {
				if (pending.merge(child, -1, Integer::sum) == 0) {
					ready.add(child);
				}
			}
		}
		return order;
	}

	private static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.toString().endsWith(".sql")).toList();
		}
	}

}
