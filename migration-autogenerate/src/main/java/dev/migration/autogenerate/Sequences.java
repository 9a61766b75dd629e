package dev.migration.autogenerate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.migration.op.ExecuteSql;
import dev.migration.op.Operation;
import dev.migration.sql.Dialect;

/**
 * Sequences: read from the catalogue (leaving out those identity and serial columns own,
 * which are the column's business) and compared by name, start and increment. The
 * statements are the same on PostgreSQL, MariaDB and H2 ({@code CREATE SEQUENCE ... START
 * WITH ... INCREMENT BY ...}); MySQL and SQLite have no sequences.
 */
final class Sequences {

	private static final String POSTGRESQL = "SELECT c.relname, s.seqstart, s.seqincrement FROM pg_sequence s "
			+ "JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid "
			+ "AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) ORDER BY c.relname";

	private static final String H2 = "SELECT SEQUENCE_NAME, START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES "
			+ "WHERE SEQUENCE_SCHEMA = ? AND SEQUENCE_NAME NOT LIKE 'SYSTEM_SEQUENCE_%' ORDER BY SEQUENCE_NAME";

	private Sequences() {
	}

	static List<SchemaModel.Sequence> read(Connection connection, Dialect dialect, String schema) throws SQLException {
		List<SchemaModel.Sequence> sequences = new ArrayList<>();
		switch (dialect) {
			case POSTGRESQL -> SchemaReader.query(connection, POSTGRESQL, schema,
					(rs) -> sequences.add(new SchemaModel.Sequence(rs.getString(1), rs.getLong(2), rs.getLong(3))));
			case H2 -> SchemaReader.query(connection, H2, schema, (rs) -> sequences
				.add(new SchemaModel.Sequence(H2Catalog.name(rs.getString(1)), rs.getLong(2), rs.getLong(3))));
			case MYSQL -> {
				for (String name : SchemaReader.tableNames(connection, schema, "SEQUENCE")) {
					// a MariaDB sequence is a one-row table of its settings
					try (Statement statement = connection.createStatement();
							ResultSet rs = statement.executeQuery("SELECT start_value, increment FROM `"
									+ schema.replace("`", "``") + "`.`" + name.replace("`", "``") + "`")) {
						rs.next();
						sequences.add(new SchemaModel.Sequence(name, rs.getLong(1), rs.getLong(2)));
					}
				}
			}
			case SQLITE -> {
			}
		}
		return sequences;
	}

	/** The changes that turn the live sequences into the desired ones. */
	static List<Change> compare(List<SchemaModel.Sequence> desired, List<SchemaModel.Sequence> live, Dialect dialect) {
		Map<String, SchemaModel.Sequence> existing = SchemaDiff.byName(live, SchemaModel.Sequence::name);
		Map<String, SchemaModel.Sequence> wanted = SchemaDiff.byName(desired, SchemaModel.Sequence::name);
		List<Change> changes = new ArrayList<>();
		for (SchemaModel.Sequence sequence : desired) {
			SchemaModel.Sequence current = existing.get(sequence.name().toLowerCase(Locale.ROOT));
			if (current == null) {
				changes.add(new Change(create(sequence, dialect), List.of(drop(sequence.name(), dialect)), null));
			}
			else if (current.start() != sequence.start() || current.increment() != sequence.increment()) {
				changes.add(new Change(alter(current.name(), sequence, dialect),
						List.of(alter(current.name(), current, dialect)), null));
			}
		}
		for (SchemaModel.Sequence sequence : live) {
			if (!wanted.containsKey(sequence.name().toLowerCase(Locale.ROOT))) {
				changes.add(new Change(drop(sequence.name(), dialect), List.of(create(sequence, dialect)),
						"drops sequence " + sequence.name() + "; its current value is lost"));
			}
		}
		return changes;
	}

	static Operation create(SchemaModel.Sequence sequence, Dialect dialect) {
		return new ExecuteSql("CREATE SEQUENCE " + quote(sequence.name(), dialect) + " START WITH " + sequence.start()
				+ " INCREMENT BY " + sequence.increment());
	}

	static Operation drop(String name, Dialect dialect) {
		return new ExecuteSql("DROP SEQUENCE " + quote(name, dialect));
	}

	/** Start and increment only: the sequence's current value stays where it is. */
	static Operation alter(String name, SchemaModel.Sequence to, Dialect dialect) {
		return new ExecuteSql("ALTER SEQUENCE " + quote(name, dialect) + " START WITH " + to.start() + " INCREMENT BY "
				+ to.increment());
	}

	static String quote(String name, Dialect dialect) {
		if (name.matches("[a-z_][a-z0-9_]*")) {
			return name;
		}
		return (dialect == Dialect.MYSQL) ? "`" + name.replace("`", "``") + "`"
				: '"' + name.replace("\"", "\"\"") + '"';
	}

}
