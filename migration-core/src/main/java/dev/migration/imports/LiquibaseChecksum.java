package dev.migration.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;

/**
 * Liquibase's changeset checksum, version 9 (Liquibase 4.24 and later), for changesets
 * whose changes are SQL ({@code sql}, {@code sqlFile}, formatted SQL): each change's SQL
 * is hashed with spaces, tabs and line ends removed, and the changeset's checksum is the
 * MD5 of those hashes. Rollbacks and comments do not count.
 */
final class LiquibaseChecksum {

	private LiquibaseChecksum() {
	}

	/**
	 * The checksum as {@code databasechangelog.md5sum} holds it.
	 * @param changes the SQL of each change, properties already expanded
	 * @return {@code 9:<md5>}
	 */
	static String of(List<String> changes) {
		StringBuilder text = new StringBuilder();
		for (String sql : changes) {
			StringBuilder kept = new StringBuilder(sql.length());
			for (char c : sql.toCharArray()) {
				if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
					kept.append(c);
				}
			}
			text.append("9:").append(md5(kept.toString())).append(':');
		}
		String all = Normalizer.normalize(
				text.toString().replace("\r\n", "\n").replace('\r', '\n').replace("\uFFFD", ""), Normalizer.Form.NFC);
		return "9:" + md5(all);
	}

	private static String md5(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
