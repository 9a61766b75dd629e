package dev.migration.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads one formatted SQL changelog ({@code --liquibase formatted sql}): its
 * {@code --changeset} comments and their attributes, bodies, comments, rollbacks,
 * {@code validCheckSum}s, properties and {@code ignoreLines}, with Liquibase's own
 * patterns.
 */
final class FormattedSqlChangelog extends ChangelogFile {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE;

	private static final Pattern HEADER = Pattern.compile("^\\s*--\\s*liquibase\\s*formatted.*", FLAGS);

	private static final Pattern PROPERTY = Pattern.compile("\\s*--[\\s]*property\\s+(.*:.*)\\s+(.*:.*).*", FLAGS);

	private static final Pattern CHANGE_SET = Pattern
		.compile("\\s*--[\\s]*changeset\\s+(\"[^\"]+\"|[^:]+):\\s*(\"[^\"]+\"|\\S+).*", FLAGS);

	private static final Pattern COMMENT = Pattern.compile("--[\\s]*comment:? (.*)", FLAGS);

	private static final Pattern VALID_CHECK_SUM = Pattern.compile("--[\\s]*validCheckSum:? (.*)", FLAGS);

	private static final Pattern ROLLBACK = Pattern.compile("\\s*--[\\s]*rollback (.*)", FLAGS);

	private static final Pattern ROLLBACK_START = Pattern.compile("\\s*/\\*\\s*liquibase\\s*rollback\\s*$", FLAGS);

	private static final Pattern ROLLBACK_END = Pattern.compile(".*\\s*\\*/\\s*$", FLAGS);

	private static final Pattern PRECONDITION = Pattern.compile("\\s*--[\\s]*precondition.*", FLAGS);

	/** The patterns of {@code --changeset} attributes, compiled once. */
	private static final Map<String, Pattern> ATTRIBUTES = new ConcurrentHashMap<>();

	private static final Pattern IGNORE_LINES = Pattern.compile("--[\\s]*ignoreLines:(\\w+)", FLAGS);

	private static final String NOT_FORMATTED = ": not a formatted SQL changelog (its first line must be "
			+ "'--liquibase formatted sql')";

	private final List<String> lines;

	private FormattedSqlChangelog(LiquibaseChangelog changelog, Path file, String name, List<String> lines) {
		super(changelog, file, name);
		this.lines = lines;
	}

	/**
	 * Read a formatted SQL file into the changelog.
	 * @param changelog the changelog being read
	 * @param file the file
	 * @param name the file as the changelog names it
	 */
	static void read(LiquibaseChangelog changelog, Path file, String name) {
		String content = LiquibaseChangelog.content(file);
		FormattedSqlChangelog reader = new FormattedSqlChangelog(changelog, file, name, content.lines().toList());
		if (!reader.read() && !content.isBlank()) {
			changelog.problem(name + NOT_FORMATTED);
		}
	}

	/** Read the lines; {@code false} when it has neither header nor changeset. */
	private boolean read() {
		boolean header = false;
		ChangeSetDraft current = null;
		for (int i = 0; i < this.lines.size(); i++) {
			String line = this.lines.get(i);
			if (HEADER.matcher(line).matches()) {
				header = true;
				continue;
			}
			Matcher property = PROPERTY.matcher(line);
			if (property.matches()) {
				property(line);
				continue;
			}
			Matcher ignore = IGNORE_LINES.matcher(line);
			if (ignore.matches()) {
				i = ignore(ignore.group(1), i);
				continue;
			}
			Matcher changeSet = CHANGE_SET.matcher(line);
			if (changeSet.matches()) {
				if (!header) {
					this.changelog.problem(this.name + NOT_FORMATTED);
					return true;
				}
				finish(current);
				current = new ChangeSetDraft(this.name, unquote(changeSet.group(1)), unquote(changeSet.group(2)),
						i + 1);
				attributes(current, line);
				continue;
			}
			if (current != null) {
				i = bodyLine(current, line, i);
			}
		}
		finish(current);
		return header || current != null;
	}

	/** Skip {@code --ignoreLines:start} to {@code end}, or a number of lines. */
	private int ignore(String what, int i) {
		if (what.equalsIgnoreCase("start")) {
			while (i + 1 < this.lines.size()) {
				i++;
				Matcher end = IGNORE_LINES.matcher(this.lines.get(i));
				if (end.matches() && end.group(1).equalsIgnoreCase("end")) {
					break;
				}
			}
			return i;
		}
		return what.chars().allMatch(Character::isDigit) ? i + Integer.parseInt(what) : i;
	}

	/** A line of a changeset's body; returns the last line it read. */
	private int bodyLine(ChangeSetDraft current, String line, int i) {
		Matcher comment = COMMENT.matcher(line);
		Matcher valid = VALID_CHECK_SUM.matcher(line);
		Matcher rollback = ROLLBACK.matcher(line);
		if (comment.matches()) {
			current.comment = comment.group(1).strip();
		}
		else if (valid.matches()) {
			current.validCheckSums.add(valid.group(1).strip());
		}
		else if (rollback.matches()) {
			current.rollback.append(rollback.group(1)).append('\n');
		}
		else if (ROLLBACK_START.matcher(line).matches()) {
			return rollbackComment(current, i);
		}
		else if (PRECONDITION.matcher(line).matches()) {
			current.note("its preconditions are not imported: the revision runs whenever it is pending");
		}
		else {
			current.sql.append(line).append('\n');
		}
		return i;
	}

	/** A {@code /* liquibase rollback} comment, to its end. */
	private int rollbackComment(ChangeSetDraft current, int i) {
		while (i + 1 < this.lines.size()) {
			i++;
			String next = this.lines.get(i);
			if (ROLLBACK_END.matcher(next).matches()) {
				current.rollback.append(next, 0, next.lastIndexOf("*/")).append('\n');
				return i;
			}
			current.rollback.append(next).append('\n');
		}
		this.changelog.problem(current.name() + ": its '/* liquibase rollback' comment is not closed");
		return i;
	}

	private void property(String line) {
		Matcher name = Pattern.compile("name:(\\S+)", FLAGS).matcher(line);
		Matcher value = Pattern.compile("value:(\"[^\"]*\"|\\S+)", FLAGS).matcher(line);
		if (name.find() && value.find()) {
			this.changelog.property(name.group(1), unquote(value.group(1)));
		}
	}

	private void finish(@Nullable ChangeSetDraft draft) {
		if (draft == null) {
			return;
		}
		String sql = draft.sql.toString().strip();
		if (sql.isEmpty()) {
			this.changelog.problem(draft.name() + " (line " + draft.line + ") has no SQL");
			return;
		}
		draft.change(sql, draft.endDelimiter);
		this.changelog.add(draft);
	}

	/** The attributes on the {@code --changeset} line. */
	private static void attributes(ChangeSetDraft draft, String line) {
		draft.runOnChange = flag(line, "runOnChange", false);
		draft.runAlways = flag(line, "runAlways", false);
		draft.transactional = flag(line, "runInTransaction", true);
		draft.ignore = flag(line, "ignore", false);
		draft.endDelimiter = value(line, "\\bendDelimiter:(\\S*)");
		draft.rollbackEndDelimiter = value(line, "\\brollbackEndDelimiter:(\\S*)");
		draft.context = quoted(value(line, "contextFilter:(\".*?\"|\\S*)"));
		if (draft.context == null) {
			draft.context = quoted(value(line, "context:(\".*?\"|\\S*)"));
		}
		draft.labels = quoted(value(line, "labels:(\".*?\"|\\S*)"));
		draft.dbms = value(line, "dbms:([^,][\\w!,]+)");
		if (!flag(line, "splitStatements", true)) {
			draft.note("splitStatements:false: its statements are split as the database's own client splits them");
		}
	}

	private static boolean flag(String line, String name, boolean fallback) {
		String value = value(line, name + ":(\\w+)");
		return (value != null) ? Boolean.parseBoolean(value) : fallback;
	}

	private static @Nullable String value(String line, String regex) {
		Matcher matcher = ATTRIBUTES.computeIfAbsent(regex, (key) -> Pattern.compile(".*" + key + ".*", FLAGS))
			.matcher(line);
		return (matcher.matches() && !matcher.group(1).isEmpty()) ? matcher.group(1) : null;
	}

	private static @Nullable String quoted(@Nullable String value) {
		return (value != null) ? unquote(value) : null;
	}

	private static String unquote(String text) {
		String value = text.strip();
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

}
