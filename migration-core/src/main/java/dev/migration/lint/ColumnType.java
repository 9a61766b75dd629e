package dev.migration.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A column type as written: its words ({@code timestamp with time zone}) and numeric
 * arguments ({@code varchar(200)}, {@code numeric(10,2)}).
 *
 * @param name the type's words, lower case, one space apart, without arguments
 * @param args the numeric arguments, empty when none
 * @param array whether it is an array ({@code int[]})
 */
record ColumnType(String name, List<Integer> args, boolean array) {

	private static final Set<String> STOP = Set.of("not", "null", "default", "primary", "references", "unique", "check",
			"constraint", "generated", "collate", "auto_increment", "comment", "after", "first", "on", "character",
			"charset", "identity", "using", "invisible", "visible", "as", "storage", "compression");

	/**
	 * Reads a type from the start of {@code tokens}; answers it and how many tokens it
	 * used.
	 */
	static Read read(List<Token> tokens, int from) {
		StringBuilder name = new StringBuilder();
		List<Integer> args = new ArrayList<>();
		boolean array = false;
		int i = from;
		while (i < tokens.size()) {
			Token token = tokens.get(i);
			if (token.kind() == Token.Kind.WORD || token.kind() == Token.Kind.QUOTED) {
				boolean varying = token.is("varying") && name.toString().startsWith("character")
						|| token.is("character") && name.toString().equals("double");
				if (name.length() > 0 && STOP.contains(token.text()) && !varying) {
					break;
				}
				if (name.length() > 0 && !continuesType(name.toString(), token.text())) {
					break;
				}
				if (name.length() > 0) {
					name.append(' ');
				}
				name.append(token.text());
				i++;
			}
			else if (token.isSymbol("(") && name.length() > 0) {
				int depth = 0;
				while (i < tokens.size()) {
					Token inner = tokens.get(i++);
					if (inner.isSymbol("(")) {
						depth++;
					}
					else if (inner.isSymbol(")")) {
						if (--depth == 0) {
							break;
						}
					}
					else if (inner.kind() == Token.Kind.NUMBER && depth == 1) {
						args.add(parseInt(inner.text()));
					}
				}
			}
			else if (token.isSymbol("[")) {
				array = true;
				i++;
				while (i < tokens.size() && !tokens.get(i - 1).isSymbol("]")) {
					i++;
				}
			}
			else {
				break;
			}
		}
		return new Read(new ColumnType(name.toString(), List.copyOf(args), array), i - from);
	}

	private static boolean continuesType(String sofar, String word) {
		return switch (word) {
			case "varying", "precision", "with", "without", "time", "zone", "unsigned", "signed", "zerofill" -> true;
			case "char", "character" -> sofar.equals("national");
			default ->
				sofar.equals("national") || sofar.equals("long") || sofar.endsWith("with") || sofar.endsWith("without");
		};
	}

	private static int parseInt(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The type's base name: {@code int unsigned} is {@code int}. */
	String base() {
		int space = this.name.indexOf(' ');
		return (space < 0) ? this.name : this.name.substring(0, space);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.name);
		if (!this.args.isEmpty()) {
			text.append('(');
			for (int i = 0; i < this.args.size(); i++) {
				text.append((i > 0) ? "," : "").append(this.args.get(i));
			}
			text.append(')');
		}
		return text.append(this.array ? "[]" : "").toString();
	}

	record Read(ColumnType type, int used) {
	}

}
