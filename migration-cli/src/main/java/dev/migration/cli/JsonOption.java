package dev.migration.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

import picocli.CommandLine.Option;

/**
 * {@code --json} of the reading commands ({@code current}, {@code heads},
 * {@code history}, {@code branches}, {@code show}, {@code status}, {@code validate}):
 * print one JSON document instead of the text lines.
 */
final class JsonOption {

	@Option(names = "--json", description = "Print JSON.")
	private boolean json;

	/** Whether {@code --json} was given. */
	boolean enabled() {
		return this.json;
	}

	/**
	 * Print the JSON document with {@code --json}, else the text.
	 * @param connection the command's connection options (where to print)
	 * @param document the JSON document: maps, lists, strings, numbers, booleans
	 * @param text writes the text lines
	 */
	void print(ConnectionOptions connection, Supplier<Object> document, Consumer<PrintWriter> text) {
		PrintWriter out = connection.out();
		if (this.json) {
			out.println(Json.write(document.get()));
		}
		else {
			text.accept(out);
		}
		out.flush();
	}

}
