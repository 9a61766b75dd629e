package dev.migration.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Script checksums: SHA-256 (lower-case hex) of the text with a leading byte order mark
 * removed and CRLF/CR line endings turned into LF, so that a checkout on Windows or an
 * editor adding a BOM does not look like an edit.
 */
public final class Checksums {

	private static final MessageDigest PROTOTYPE = newDigest();

	private Checksums() {
	}

	/**
	 * The checksum of a script.
	 * @param script the script text as read
	 * @return 64 lower-case hex characters
	 */
	public static String sha256(String script) {
		return sha256Normalized(normalize(script));
	}

	/**
	 * The checksum of a Java migration that declares none: the SHA-256 of its class file,
	 * so that an edit (recompiled) is detected like an edit of a script.
	 * @param type the migration class (the one carrying {@code @RevisionInfo})
	 * @return 64 lower-case hex characters, or {@code null} when the class file cannot be
	 * read (a class defined at run time)
	 */
	public static @Nullable String ofClass(Class<?> type) {
		String resource = type.getName().replace('.', '/') + ".class";
		ClassLoader loader = (type.getClassLoader() != null) ? type.getClassLoader()
				: ClassLoader.getSystemClassLoader();
		try (InputStream in = loader.getResourceAsStream(resource)) {
			return (in != null) ? HexFormat.of().formatHex(digest().digest(in.readAllBytes())) : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Drops a leading BOM and turns CRLF and CR into LF; returns the same string if
	 * clean.
	 */
	static String normalize(String text) {
		int from = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? 1 : 0;
		if (text.indexOf('\r') < 0) {
			return (from == 0) ? text : text.substring(1);
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r') {
				out.append('\n');
				if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * The checksum of a script file whose bytes are its normalized text already (valid
	 * UTF-8, no BOM, no carriage return): the same as {@link #sha256(String)} of its
	 * text, without encoding it again.
	 * @param normalizedUtf8 the file's bytes
	 * @return 64 lower-case hex characters
	 */
	static String sha256(byte[] normalizedUtf8) {
		return HexFormat.of().formatHex(digest().digest(normalizedUtf8));
	}

	static String sha256Normalized(String normalized) {
		return HexFormat.of().formatHex(digest().digest(normalized.getBytes(StandardCharsets.UTF_8)));
	}

	/** A fresh digest: cloning the prototype skips the provider look-up per file. */
	private static MessageDigest digest() {
		try {
			return (MessageDigest) PROTOTYPE.clone();
		}
		catch (CloneNotSupportedException ex) {
			return newDigest();
		}
	}

	private static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
		}
	}

}
