package dev.migration.op;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.migration.MigrationException;
import dev.migration.sql.Dialect;

/** SQL literals for {@link BulkInsert}, so that offline SQL carries the data. */
final class Literals {

	private Literals() {
	}

	static String string(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	static String render(@Nullable Object value, Dialect dialect) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof String text) {
			// MySQL treats backslash as an escape inside strings (unless
			// NO_BACKSLASH_ESCAPES)
			return string((dialect == Dialect.MYSQL) ? text.replace("\\", "\\\\") : text);
		}
		if (value instanceof Boolean bool) {
			return (dialect == Dialect.SQLITE) ? (bool ? "1" : "0") : (bool ? "TRUE" : "FALSE");
		}
		if (value instanceof Number number) {
			return number.toString();
		}
		if (value instanceof UUID || value instanceof Character) {
			return string(value.toString());
		}
		if (value instanceof LocalDate date) {
			return typed("DATE", date.toString(), dialect);
		}
		if (value instanceof LocalTime time) {
			return typed("TIME", time.toString(), dialect);
		}
		if (value instanceof LocalDateTime dateTime) {
			return typed("TIMESTAMP", dateTime.toString().replace('T', ' '), dialect);
		}
		if (value instanceof OffsetDateTime dateTime) {
			String text = dateTime.toString().replace('T', ' ');
			return (dialect == Dialect.MYSQL || dialect == Dialect.SQLITE)
					? string(dateTime.toLocalDateTime().toString().replace('T', ' '))
					: typed("TIMESTAMP WITH TIME ZONE", text, dialect);
		}
		if (value instanceof byte[] bytes) {
			String hex = HexFormat.of().formatHex(bytes);
			return (dialect == Dialect.POSTGRESQL) ? "'\\x" + hex + "'::bytea" : "X'" + hex + "'";
		}
		throw new MigrationException("Cannot write a " + value.getClass().getName() + " value as an SQL literal ("
				+ value + "); use String, Number, Boolean, java.time, UUID or byte[] values in bulkInsert");
	}

	private static String typed(String type, String text, Dialect dialect) {
		return (dialect == Dialect.SQLITE || dialect == Dialect.MYSQL) ? string(text) : type + " " + string(text);
	}

}
