package dev.migration.script;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.migration.Revision;
import dev.migration.ScriptParseException;

/**
 * Reads one {@code .sql} migration: strict UTF-8, the {@code -- key: value} header, then
 * the {@code -- +upgrade} and optional {@code -- +downgrade} sections. Line by line with
 * {@code indexOf}, no regular expressions, so thousands of files load in milliseconds.
 */
final class SqlScriptParser {

	static final List<String> KEYS = List.of("migration", "revision", "revises", "created", "branch-labels",
			"depends-on", "transactional", "repeatable", "imported-from", "source-version");

	private static final String KNOWN = String.join(", ", KEYS);

	private final String location;

	private final String[] values = new String[KEYS.size()];

	private final int[] valueLines = new int[KEYS.size()];

	private int upgradeMarker;

	private int upgradeStart = -1;

	private int upgradeEnd = -1;

	private int downgradeMarker;

	private int downgradeStart = -1;

	private static final char REPLACEMENT = '\uFFFD';

	private SqlScriptParser(String location) {
		this.location = location;
	}

	static Revision parse(String location, byte[] content) {
		String decoded = decode(location, content);
		String text = Checksums.normalize(decoded);
		// valid UTF-8 with nothing to normalize encodes back to the file's own bytes
		String checksum = (text == decoded) ? Checksums.sha256(content) : Checksums.sha256Normalized(text);
		return new SqlScriptParser(location).parse(text, checksum);
	}

	private Revision parse(String text, String checksum) {
		if (text.isBlank()) {
			throw error(0, "the file is empty; a migration needs a header (at least '-- revision: <id>') and a "
					+ "'-- +upgrade' section");
		}
		int lineStart = 0;
		int line = 1;
		while (lineStart <= text.length()) {
			int newline = text.indexOf('\n', lineStart);
			int lineEnd = (newline < 0) ? text.length() : newline;
			int next = (newline < 0) ? text.length() + 1 : newline + 1;
			line(text, lineStart, lineEnd, next, line);
			lineStart = next;
			line++;
		}
		if (this.upgradeMarker == 0) {
			if (this.downgradeMarker > 0) {
				throw error(this.downgradeMarker, "the file has a '-- +downgrade' section but no '-- +upgrade' "
						+ "section; add a line '-- +upgrade' followed by the upgrade statements above it");
			}
			throw error(0, "no '-- +upgrade' section; add a line '-- +upgrade' followed by the upgrade statements "
					+ "after the header");
		}
		if (this.upgradeEnd < 0) {
			this.upgradeEnd = text.length();
		}
		String id = value("revision");
		if (id == null || id.isEmpty()) {
			throw error(0,
					"no '-- revision:' header; add one with this revision's id, e.g. '-- revision: " + "1a2b3c4d5e6f'");
		}
		String upgrade = text.substring(Math.min(this.upgradeStart, this.upgradeEnd), this.upgradeEnd);
		String downgrade = (this.downgradeMarker > 0)
				? text.substring(Math.min(this.downgradeStart, text.length()), text.length()) : null;
		SqlMigration migration = new SqlMigration(id, this.location, upgrade, this.upgradeMarker + 1, downgrade,
				this.downgradeMarker + 1, checksum);
		String message = value("migration");
		boolean repeatable = flag("repeatable", false);
		if (repeatable && !list("revises").isEmpty()) {
			throw error(this.valueLines[KEYS.indexOf("revises")], "a repeatable script has no parents: it runs "
					+ "after the versioned revisions whenever it changes; remove the 'revises:' line");
		}
		return new Revision(id, (message != null) ? message : "", list("revises"), list("depends-on"),
				list("branch-labels"), created(), flag("transactional", true), Revision.Kind.SQL, this.location,
				checksum, migration, repeatable);
	}

	private void line(String text, int start, int end, int next, int line) {
		int p = start;
		while (p < end && Chars.isBlank(text.charAt(p))) {
			p++;
		}
		boolean comment = p + 1 < end && text.charAt(p) == '-' && text.charAt(p + 1) == '-';
		if (comment) {
			int q = p + 2;
			while (q < end && (text.charAt(q) == ' ' || text.charAt(q) == '\t')) {
				q++;
			}
			if (q < end && text.charAt(q) == '+' && isMarker(text, q + 1, end)) {
				marker(text.substring(q + 1, end).strip(), start, next, line);
				return;
			}
			if (this.upgradeMarker == 0 && this.downgradeMarker == 0) {
				header(text, q, end, line);
			}
			return;
		}
		if (p < end && this.upgradeMarker == 0 && this.downgradeMarker == 0) {
			throw error(line, "SQL before the '-- +upgrade' line; put a line '-- +upgrade' above the upgrade "
					+ "statements (the header above it holds only '-- key: value' comments)");
		}
	}

	/** {@code -- +word} alone on its line. */
	private static boolean isMarker(String text, int from, int end) {
		int p = from;
		while (p < end && Chars.isIdentPart(text.charAt(p))) {
			p++;
		}
		if (p == from) {
			return false;
		}
		while (p < end && Chars.isBlank(text.charAt(p))) {
			p++;
		}
		return p == end;
	}

	private void marker(String name, int lineStart, int next, int line) {
		if (name.equals("upgrade")) {
			if (this.upgradeMarker > 0) {
				throw error(line, "second '-- +upgrade' section (the first is on line " + this.upgradeMarker
						+ "); merge them into one");
			}
			if (this.downgradeMarker > 0) {
				throw error(line, "'-- +upgrade' comes after '-- +downgrade' (line " + this.downgradeMarker
						+ "); put the upgrade section first");
			}
			this.upgradeMarker = line;
			this.upgradeStart = next;
		}
		else if (name.equals("downgrade")) {
			if (this.downgradeMarker > 0) {
				throw error(line, "second '-- +downgrade' section (the first is on line " + this.downgradeMarker
						+ "); merge them into one");
			}
			this.downgradeMarker = line;
			this.downgradeStart = next;
			if (this.upgradeMarker > 0) {
				this.upgradeEnd = lineStart;
			}
		}
		else {
			throw error(line, "unknown section '-- +" + name + "'; sections are '-- +upgrade' and '-- +downgrade'");
		}
	}

	private void header(String text, int from, int end, int line) {
		int p = from;
		while (p < end && (Chars.isTagPart(text.charAt(p)) || text.charAt(p) == '-')) {
			p++;
		}
		if (p == from || p >= end || text.charAt(p) != ':') {
			checkMissingColon(text, from, p, end, line);
			// a free comment, not a 'key: value' line
			return;
		}
		String key = text.substring(from, p).toLowerCase(Locale.ROOT);
		int index = KEYS.indexOf(key);
		if (index < 0) {
			throw error(line, "unknown header '" + text.substring(from, p) + ":'; known headers are " + KNOWN
					+ " (write other comments without a colon after the first word, or below '-- +upgrade')");
		}
		if (this.values[index] != null) {
			throw error(line,
					"header '" + key + ":' repeated (first on line " + this.valueLines[index] + "); keep one");
		}
		this.values[index] = text.substring(p + 1, end).strip();
		this.valueLines[index] = line;
	}

	/**
	 * {@code -- revises abc} reads as a free comment but was meant as a header: ignoring
	 * it would silently turn the revision into a new root. ({@code migration} is exempt:
	 * "-- Migration of ..." is an ordinary comment.)
	 */
	private void checkMissingColon(String text, int from, int p, int end, int line) {
		String word = text.substring(from, p).toLowerCase(Locale.ROOT);
		if (p == from || word.equals("migration") || !KEYS.contains(word)) {
			return;
		}
		int q = p;
		while (q < end && Chars.isBlank(text.charAt(q))) {
			q++;
		}
		if (q < end && (q > p || text.charAt(q) == '=')) {
			throw error(line,
					"header '" + text.substring(from, p) + "' has no colon, so it would be ignored; write '-- " + word
							+ ": " + text.substring((text.charAt(q) == '=') ? q + 1 : q, end).strip() + "'");
		}
	}

	private @Nullable String value(String key) {
		return this.values[KEYS.indexOf(key)];
	}

	private List<String> list(String key) {
		String value = value(key);
		if (value == null) {
			return List.of();
		}
		List<String> items = new ArrayList<>();
		int p = 0;
		while (p < value.length()) {
			while (p < value.length() && (value.charAt(p) == ',' || Chars.isBlank(value.charAt(p)))) {
				p++;
			}
			int start = p;
			while (p < value.length() && value.charAt(p) != ',' && !Chars.isBlank(value.charAt(p))) {
				p++;
			}
			if (p > start) {
				items.add(value.substring(start, p));
			}
		}
		return items;
	}

	private @Nullable Instant created() {
		String value = value("created");
		if (value == null || value.isEmpty()) {
			return null;
		}
		Instant instant = parseInstant(value);
		if (instant == null) {
			throw error(this.valueLines[KEYS.indexOf("created")], "'created: " + value
					+ "' is not an ISO-8601 date-time; write e.g. 'created: 2026-11-24T12:00:00Z'");
		}
		return instant;
	}

	/** ISO-8601 instant or offset date-time; a local date-time is taken as UTC. */
	static @Nullable Instant parseInstant(String value) {
		Instant plain = parsePlainUtc(value);
		if (plain != null) {
			return plain;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			// try the other ISO-8601 forms
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the other ISO-8601 forms
		}
		try {
			return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The form every generated header uses, {@code yyyy-MM-ddTHH:mm:ssZ}, read by hand:
	 * {@link Instant#parse} costs more than the rest of a header. {@code null} for any
	 * other form or an out-of-range field, which the general parsers then judge.
	 */
	private static @Nullable Instant parsePlainUtc(String value) {
		if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
				|| value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
			return null;
		}
		int year = digits(value, 0, 4);
		int month = digits(value, 5, 7);
		int day = digits(value, 8, 10);
		int hour = digits(value, 11, 13);
		int minute = digits(value, 14, 16);
		int second = digits(value, 17, 19);
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		long days = LocalDate.of(year, month, day).toEpochDay();
		return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second);
	}

	/** The decimal number in {@code [from, to)}, or -1 when a character is no digit. */
	private static int digits(String value, int from, int to) {
		int result = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		return result;
	}

	private boolean flag(String key, boolean absent) {
		String value = value(key);
		if (value == null) {
			return absent;
		}
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw error(this.valueLines[KEYS.indexOf(key)], "'" + key + ": " + value + "' must be true or false");
	}

	private ScriptParseException error(int line, String problem) {
		return new ScriptParseException(this.location, line, problem);
	}

	static String decode(String location, byte[] content) {
		// the JDK's decoder (ASCII checked in bulk); only a text holding U+FFFD, which it
		// puts for malformed input, is decoded again strictly to tell the two apart
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.indexOf(REPLACEMENT) < 0) {
			return text;
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(content.length);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			int offset = in.position();
			int line = 1;
			for (int i = 0; i < offset; i++) {
				if (content[i] == '\n') {
					line++;
				}
			}
			throw new ScriptParseException(location, line,
					String.format(Locale.ROOT, "not valid UTF-8: byte 0x%02X at byte offset %d; save the file as UTF-8",
							content[offset] & 0xFF, offset));
		}
		return out.flip().toString();
	}

}
