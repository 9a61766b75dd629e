package dev.migration.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for an SQL script: CRC32 over the UTF-8 bytes of each line
 * without its line break, the first line without a byte-order mark, so that line endings
 * do not count. Computed here so that the import needs no Flyway.
 */
final class FlywayChecksum {

	private FlywayChecksum() {
	}

	static int of(String text) {
		CRC32 crc32 = new CRC32();
		try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
			String line = reader.readLine();
			if (line != null) {
				if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
					line = line.substring(1);
				}
				do {
					crc32.update(line.getBytes(StandardCharsets.UTF_8));
				}
				while ((line = reader.readLine()) != null);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (int) crc32.getValue();
	}

}
