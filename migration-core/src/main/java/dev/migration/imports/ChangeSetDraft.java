package dev.migration.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A Liquibase changeset while its changelog is read (formatted SQL, XML, YAML or JSON
 * alike), and what it becomes: a {@link LiquibaseChangeSet} with the notes on what the
 * import changes about it, or a problem.
 */
final class ChangeSetDraft {

	final String file;

	final String author;

	final String id;

	/** The line of its {@code --changeset} comment; {@code 0} outside formatted SQL. */
	final int line;

	boolean runOnChange;

	boolean runAlways;

	boolean transactional = true;

	boolean ignore;

	@Nullable String context;

	@Nullable String labels;

	@Nullable String dbms;

	@Nullable String endDelimiter;

	@Nullable String rollbackEndDelimiter;

	@Nullable String comment;

	/** Formatted SQL: the lines of its body as they are read. */
	final StringBuilder sql = new StringBuilder();

	final StringBuilder rollback = new StringBuilder();

	/** Each change's SQL, statements ended with {@code ;}. */
	final List<String> upgrade = new ArrayList<>();

	/** Each change's SQL as written, which Liquibase's checksum reads. */
	private final List<String> written = new ArrayList<>();

	final List<String> validCheckSums = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	ChangeSetDraft(String file, String author, String id, int line) {
		this.file = file;
		this.author = author;
		this.id = id;
		this.line = line;
	}

	/**
	 * XML, YAML and JSON: a changeset from the attributes of its element.
	 * @param file the file it is written in, as the changelog names it
	 * @param attributes an attribute's value by its name, {@code ""} when it is not given
	 * @return the changeset, without changes yet
	 */
	static ChangeSetDraft of(String file, Function<String, String> attributes) {
		ChangeSetDraft draft = new ChangeSetDraft(file, attributes.apply("author"), attributes.apply("id"), 0);
		draft.runOnChange = "true".equalsIgnoreCase(attributes.apply("runOnChange"));
		draft.runAlways = "true".equalsIgnoreCase(attributes.apply("runAlways"));
		draft.transactional = !"false".equalsIgnoreCase(attributes.apply("runInTransaction"));
		draft.context = blankToNull(attributes.apply("contextFilter"));
		if (draft.context == null) {
			draft.context = blankToNull(attributes.apply("context"));
		}
		draft.labels = blankToNull(attributes.apply("labels"));
		draft.dbms = blankToNull(attributes.apply("dbms"));
		draft.ignore = "true".equalsIgnoreCase(attributes.apply("ignore"));
		return draft;
	}

	static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	/** Liquibase's own notation: {@code file::id::author}. */
	String name() {
		return this.file + "::" + this.id + "::" + this.author;
	}

	void note(String note) {
		if (!this.notes.contains(note)) {
			this.notes.add(note);
		}
	}

	/** A {@code sql} or {@code sqlFile} change (formatted SQL: the whole body). */
	void change(String sql, @Nullable String delimiter) {
		String text = reterminate(sql, delimiter);
		this.upgrade.add(text.endsWith("\n") ? text : text + "\n");
		this.written.add(sql);
		if (delimiter != null && !delimiter.equals(";")) {
			note("endDelimiter " + delimiter + ": its statements are ended with ; in the revision");
		}
	}

	/** A {@code sql} or {@code sqlFile} change of its rollback. */
	void rollbackChange(String sql, @Nullable String delimiter) {
		this.rollback.append(reterminate(sql, delimiter)).append('\n');
	}

	/**
	 * The changeset as the import writes it.
	 * @param properties the changelog's properties, which Liquibase expands before it
	 * computes the checksum
	 * @param problems where what keeps it from being imported is reported
	 * @return the changeset, {@code null} when Liquibase ignores it
	 */
	@Nullable LiquibaseChangeSet build(Map<String, String> properties, List<String> problems) {
		if (this.ignore) {
			return null;
		}
		String rollback = this.rollback.toString().strip();
		String downgrade = null;
		if (!rollback.isEmpty()) {
			String lower = rollback.toLowerCase(Locale.ROOT);
			if (lower.startsWith("not required") || lower.startsWith("empty")) {
				downgrade = "";
			}
			else if (lower.contains("changesetid")) {
				note("its rollback names another changeset, which the import does not follow: write the "
						+ "downgrade by hand");
			}
			else {
				downgrade = reterminate(rollback, this.rollbackEndDelimiter);
			}
		}
		if (this.dbms != null) {
			problems.add(name() + " runs only on dbms:" + this.dbms
					+ ", which the import cannot keep (a revision runs on every database): move the changesets of "
					+ "other databases out of the changelog (or into a changelog per database) and import again");
		}
		if (this.runOnChange || this.runAlways) {
			if (downgrade != null) {
				note("its rollback is dropped: a repeatable script has no downgrade");
			}
			if (this.runAlways) {
				note("runAlways: it becomes a repeatable script, which runs again only when it changes");
			}
		}
		if (this.context != null || this.labels != null) {
			note(((this.context != null) ? "context '" + this.context + "'" : "")
					+ ((this.context != null && this.labels != null) ? " and " : "")
					+ ((this.labels != null) ? "labels '" + this.labels + "'" : "")
					+ " not filtered on: the revision runs on every database");
		}
		List<String> expanded = this.written.stream().map((sql) -> expand(sql, properties)).toList();
		return new LiquibaseChangeSet(this.author, this.id, this.file, String.join("", this.upgrade), downgrade,
				this.runOnChange, this.runAlways, this.transactional, this.context, this.labels, this.comment,
				this.validCheckSums, LiquibaseChecksum.of(expanded), this.notes);
	}

	private static String expand(String sql, Map<String, String> properties) {
		if (sql.indexOf("${") < 0) {
			return sql;
		}
		String expanded = sql;
		for (Map.Entry<String, String> property : properties.entrySet()) {
			expanded = expanded.replace("${" + property.getKey() + "}", property.getValue());
		}
		return expanded;
	}

	/**
	 * SQL ended by Liquibase's {@code endDelimiter} (e.g. {@code //} or {@code GO} at the
	 * end of a line), rewritten with {@code ;} so that this project's splitter reads the
	 * same statements (bodies with inner semicolons stay whole there).
	 */
	static String reterminate(String sql, @Nullable String endDelimiter) {
		if (endDelimiter == null || endDelimiter.isEmpty() || endDelimiter.equals(";")) {
			return sql;
		}
		StringBuilder out = new StringBuilder();
		StringBuilder statement = new StringBuilder();
		for (String line : sql.lines().toList()) {
			String stripped = line.stripTrailing();
			if (stripped.endsWith(endDelimiter)) {
				statement.append(stripped, 0, stripped.length() - endDelimiter.length());
				end(out, statement);
			}
			else {
				statement.append(line).append('\n');
			}
		}
		end(out, statement);
		return out.toString();
	}

	private static void end(StringBuilder out, StringBuilder statement) {
		String text = statement.toString().strip();
		statement.setLength(0);
		if (!text.isEmpty()) {
			out.append(text).append(text.endsWith(";") ? "" : ";").append('\n');
		}
	}

}
