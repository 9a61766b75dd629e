package dev.migration.cli;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.migration.lint.LintFormat;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as JSON for {@code --json}.
 * Small enough not to be worth a dependency; maps keep their insertion order.
 */
final class Json {

	private Json() {
	}

	/**
	 * A record's components by name, in their declared order: the JSON object of a
	 * descriptor such as {@code RevisionStatus} or {@code ValidationReport}.
	 * @param record the record
	 * @return its components, in a map that keeps their order
	 */
	static Map<String, Object> fields(Record record) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			try {
				fields.put(component.getName(), component.getAccessor().invoke(record));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), ex);
			}
		}
		return fields;
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, "");
		return out.toString();
	}

	private static void write(Object value, StringBuilder out, String indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			writeMap(map, out, indent);
		}
		else if (value instanceof Collection<?> list) {
			writeList(list, out, indent);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			out.append(value);
		}
		else if (value instanceof Duration duration) {
			out.append(duration.toMillis());
		}
		else {
			// strings, instants, enums and anything else: their text
			string(value.toString(), out);
		}
	}

	private static void writeMap(Map<?, ?> map, StringBuilder out, String indent) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		String inner = indent + "  ";
		out.append("{\n");
		for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
			Map.Entry<?, ?> entry = it.next();
			out.append(inner);
			string(String.valueOf(entry.getKey()), out);
			out.append(": ");
			write(entry.getValue(), out, inner);
			out.append(it.hasNext() ? ",\n" : "\n");
		}
		out.append(indent).append('}');
	}

	private static void writeList(Collection<?> list, StringBuilder out, String indent) {
		if (list.isEmpty()) {
			out.append("[]");
			return;
		}
		String inner = indent + "  ";
		out.append("[\n");
		for (Iterator<?> it = list.iterator(); it.hasNext();) {
			out.append(inner);
			write(it.next(), out, inner);
			out.append(it.hasNext() ? ",\n" : "\n");
		}
		out.append(indent).append(']');
	}

	private static void string(String text, StringBuilder out) {
		out.append(LintFormat.quote(text));
	}

}
