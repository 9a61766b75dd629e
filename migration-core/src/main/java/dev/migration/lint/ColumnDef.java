package dev.migration.lint;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A column definition of {@code CREATE TABLE} or {@code ADD COLUMN}.
 *
 * @param name the column name
 * @param type its type
 * @param notNull whether {@code NOT NULL} (or {@code PRIMARY KEY}) is declared
 * @param defaultValue the tokens of the {@code DEFAULT} expression, {@code null} when
 * none
 * @param primaryKey whether declared {@code PRIMARY KEY}
 * @param references whether it declares a foreign key ({@code REFERENCES})
 * @param unique whether declared {@code UNIQUE}
 * @param generated whether {@code GENERATED ... AS (...)} (stored or virtual) or
 * {@code AS (...)}
 * @param identity whether {@code GENERATED ... AS IDENTITY} or {@code AUTO_INCREMENT}
 */
record ColumnDef(String name, ColumnType type, boolean notNull, @Nullable List<Token> defaultValue, boolean primaryKey,
		boolean references, boolean unique, boolean generated, boolean identity) {

	/**
	 * Parse {@code name type constraints...}; {@code null} when the first token is no
	 * name.
	 */
	static @Nullable ColumnDef parse(List<Token> tokens) {
		if (tokens.isEmpty() || !tokens.get(0).isName()) {
			return null;
		}
		String name = tokens.get(0).text();
		ColumnType.Read read = ColumnType.read(tokens, 1);
		List<Token> rest = tokens.subList(1 + read.used(), tokens.size());
		boolean primaryKey = Cursor.indexOfWords(rest, 0, "primary", "key") >= 0;
		boolean notNull = primaryKey || Cursor.indexOfWords(rest, 0, "not", "null") >= 0;
		List<Token> defaultValue = null;
		int at = Cursor.indexOfWords(rest, 0, "default");
		if (at >= 0) {
			int end = at + 1;
			int depth = 0;
			while (end < rest.size()) {
				Token token = rest.get(end);
				if (token.isSymbol("(")) {
					depth++;
				}
				else if (token.isSymbol(")")) {
					depth--;
				}
				else if (depth == 0 && end > at + 1 && token.kind() == Token.Kind.WORD
						&& ENDS_DEFAULT.contains(token.text())) {
					break;
				}
				end++;
			}
			defaultValue = List.copyOf(rest.subList(at + 1, end));
		}
		boolean identity = Cursor.indexOfWords(rest, 0, "identity") >= 0
				|| Cursor.indexOfWords(rest, 0, "auto_increment") >= 0;
		boolean generated = !identity
				&& (Cursor.indexOfWords(rest, 0, "generated") >= 0 || Cursor.indexOfWords(rest, 0, "as") >= 0);
		return new ColumnDef(name, read.type(), notNull, defaultValue, primaryKey,
				Cursor.containsWord(rest, "references"), Cursor.containsWord(rest, "unique"), generated, identity);
	}

	private static final Set<String> ENDS_DEFAULT = Set.of("not", "null", "primary", "references", "unique", "check",
			"constraint", "generated", "collate", "comment", "after", "first", "on");

}
