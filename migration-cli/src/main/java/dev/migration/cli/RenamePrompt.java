package dev.migration.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.function.Predicate;

import dev.migration.autogenerate.RenameCandidate;

/**
 * Asks on the terminal whether a possible rename is one: {@code y} or {@code yes}
 * confirms, anything else (an empty line, the end of input) keeps the drop and add.
 */
final class RenamePrompt implements Predicate<RenameCandidate> {

	private final PrintWriter out;

	private final BufferedReader in;

	RenamePrompt(PrintWriter out) {
		this.out = out;
		this.in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
	}

	@Override
	public boolean test(RenameCandidate candidate) {
		this.out.print(candidate.question());
		this.out.flush();
		try {
			String answer = this.in.readLine();
			if (answer == null) {
				this.out.println();
				return false;
			}
			String text = answer.strip().toLowerCase(Locale.ROOT);
			return text.equals("y") || text.equals("yes");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
