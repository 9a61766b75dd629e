package dev.migration.script;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.migration.ScriptParseException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Every way a script's header and sections can be wrong, with the full message. */
class SqlScriptHeaderErrorTests {

	private static final String FILE = "classpath:db/migration/ab12_x.sql";

	private static void assertRejected(String script, String message) {
		assertRejected(script.getBytes(StandardCharsets.UTF_8), message);
	}

	private static void assertRejected(byte[] script, String message) {
		assertThatExceptionOfType(ScriptParseException.class).isThrownBy(() -> SqlScriptParser.parse(FILE, script))
			.withMessage(message);
	}

	@Test
	void rejectsAnEmptyFile() {
		assertRejected(" \n\n", FILE + ": the file is empty; a migration needs a header (at least '-- revision: <id>') "
				+ "and a '-- +upgrade' section");
	}

	@Test
	void rejectsAnUnknownHeaderKey() {
		assertRejected("-- revision: ab12\n-- revison: ab12\n-- +upgrade\n", FILE
				+ ":2: unknown header 'revison:'; known headers are migration, revision, revises, created, "
				+ "branch-labels, depends-on, transactional, repeatable, imported-from, source-version (write other comments without a colon after the first "
				+ "word, or below '-- +upgrade')");
	}

	@Test
	void rejectsAMissingRevision() {
		assertRejected("-- migration: No id\n-- +upgrade\nSELECT 1;",
				FILE + ": no '-- revision:' header; add one with this revision's id, e.g. '-- revision: 1a2b3c4d5e6f'");
	}

	@Test
	void rejectsAnEmptyRevision() {
		assertRejected("-- revision:\n-- +upgrade\nSELECT 1;",
				FILE + ": no '-- revision:' header; add one with this revision's id, e.g. '-- revision: 1a2b3c4d5e6f'");
	}

	@Test
	void rejectsAMalformedCreated() {
		assertRejected("-- revision: ab12\n\n-- created: 24/11/2026\n-- +upgrade\n", FILE
				+ ":3: 'created: 24/11/2026' is not an ISO-8601 date-time; write e.g. 'created: 2026-11-24T12:00:00Z'");
	}

	@Test
	void rejectsABadTransactionalValue() {
		assertRejected("-- revision: ab12\n-- transactional: no\n-- +upgrade\n",
				FILE + ":2: 'transactional: no' must be true or false");
	}

	@Test
	void rejectsAHeaderKeyGivenTwice() {
		assertRejected("-- revision: ab12\n-- revises: a\n-- revises: b\n-- +upgrade\n",
				FILE + ":3: header 'revises:' repeated (first on line 2); keep one");
	}

	@Test
	void rejectsAFileWithoutUpgradeSection() {
		assertRejected("-- revision: ab12\n-- migration: Nothing\n", FILE + ": no '-- +upgrade' section; add a line "
				+ "'-- +upgrade' followed by the upgrade statements after the header");
	}

	@Test
	void rejectsSqlBeforeTheUpgradeMarker() {
		assertRejected("-- revision: ab12\nCREATE TABLE t (id INT);\n",
				FILE + ":2: SQL before the '-- +upgrade' "
						+ "line; put a line '-- +upgrade' above the upgrade statements (the header above it holds only "
						+ "'-- key: value' comments)");
	}

	@Test
	void rejectsAFileWithOnlyADowngrade() {
		assertRejected("-- revision: ab12\n\n-- +downgrade\nDROP TABLE t;\n", FILE + ":3: the file has a "
				+ "'-- +downgrade' section but no '-- +upgrade' section; add a line '-- +upgrade' followed by the "
				+ "upgrade statements above it");
	}

	@Test
	void rejectsAnUpgradeAfterTheDowngrade() {
		assertRejected("-- revision: ab12\n-- +downgrade\nDROP TABLE t;\n-- +upgrade\nCREATE TABLE t (id INT);\n",
				FILE + ":4: '-- +upgrade' comes after '-- +downgrade' (line 2); put the upgrade section first");
	}

	@Test
	void rejectsASecondUpgradeSection() {
		assertRejected("-- revision: ab12\n-- +upgrade\nSELECT 1;\n-- +upgrade\nSELECT 2;\n",
				FILE + ":4: second '-- +upgrade' section (the first is on line 2); merge them into one");
	}

	@Test
	void rejectsASecondDowngradeSection() {
		assertRejected("-- revision: ab12\n-- +upgrade\nSELECT 1;\n-- +downgrade\nSELECT 2;\n-- +downgrade\n",
				FILE + ":6: second '-- +downgrade' section (the first is on line 4); merge them into one");
	}

	@Test
	void rejectsAnUnknownSectionMarker() {
		assertRejected("-- revision: ab12\n-- +up\nSELECT 1;\n",
				FILE + ":2: unknown section '-- +up'; sections are '-- +upgrade' and '-- +downgrade'");
	}

	@Test
	void rejectsBytesThatAreNotUtf8() {
		byte[] latin1 = "-- revision: ab12\n-- migration: Caf\u00e9\n-- +upgrade\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		assertRejected(latin1, FILE + ":2: not valid UTF-8: byte 0xE9 at byte offset 35; save the file as UTF-8");
	}

}
