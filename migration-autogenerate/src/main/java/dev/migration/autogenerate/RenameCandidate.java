package dev.migration.autogenerate;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A possible rename: a column dropped and one of the same type added in one table, or a
 * table dropped and one with mostly the same columns added. Autogenerate never guesses;
 * the user confirms it ({@code --rename}, or the prompt on a terminal).
 *
 * @param table the table (the dropped one, for a table rename)
 * @param column the dropped column, {@code null} for a table rename
 * @param to the added column or table
 * @param warning the warning that reports it
 */
public record RenameCandidate(String table, @Nullable String column, String to, String warning) {

	public RenameCandidate {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(warning, "warning");
	}

	/**
	 * The {@code --rename} value that confirms it: {@code table.old=new} or
	 * {@code old=new}.
	 */
	public String spec() {
		return (this.column != null) ? this.table + "." + this.column + "=" + this.to : this.table + "=" + this.to;
	}

	/** The question a terminal asks: {@code Rename column a.x to a.y? [y/N] }. */
	public String question() {
		return (this.column != null)
				? "Rename column " + this.table + "." + this.column + " to " + this.table + "." + this.to + "? [y/N] "
				: "Rename table " + this.table + " to " + this.to + "? [y/N] ";
	}

	/** What is renamed, to tell two candidates for the same source or target apart. */
	String source() {
		return ((this.column != null) ? this.table + "." + this.column : this.table).toLowerCase(Locale.ROOT);
	}

	String target() {
		return ((this.column != null) ? this.table + "." + this.to : this.to).toLowerCase(Locale.ROOT);
	}

}
