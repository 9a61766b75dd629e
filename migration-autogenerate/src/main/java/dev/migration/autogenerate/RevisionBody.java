package dev.migration.autogenerate;

import java.util.List;

/**
 * What goes below the header of a new revision file: empty sections for a hand-written
 * revision, the operations found by autogenerate otherwise.
 */
public interface RevisionBody {

	/** Empty upgrade and downgrade sections, to be filled in by hand. */
	RevisionBody EMPTY = new RevisionBody() {

		@Override
		public String sql() {
			return "\n-- +upgrade\n\n\n-- +downgrade\n\n";
		}

		@Override
		public String javaMethods() {
			return "\t@Override\n\tpublic void upgrade(MigrationContext context) throws Exception {\n"
					+ "\t\t// context.execute(\"...\") runs (or, with --sql, prints) one statement\n\t}\n\n"
					+ "\t@Override\n\tpublic void downgrade(MigrationContext context) throws Exception {\n\t}\n\n";
		}

	};

	/**
	 * The SQL script below the header, from {@code -- +upgrade} on.
	 * @return the text
	 */
	String sql();

	/**
	 * The methods of the Java class.
	 * @return the text, indented by one tab
	 */
	String javaMethods();

	/**
	 * Imports besides {@code Migration}, {@code MigrationContext} and
	 * {@code RevisionInfo}.
	 * @return the imported names
	 */
	default List<String> javaImports() {
		return List.of();
	}

	/**
	 * The lines of the class javadoc.
	 * @return the lines, or none
	 */
	default List<String> javaDoc() {
		return List.of();
	}

	/**
	 * What the reviewer must hear before running it (possible renames, differences left
	 * out), for the command's output.
	 * @return the warnings, empty by default
	 */
	default List<String> warnings() {
		return List.of();
	}

}
