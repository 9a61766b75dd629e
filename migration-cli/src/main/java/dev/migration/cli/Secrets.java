package dev.migration.cli;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Keeps passwords out of everything the CLI prints: messages from drivers and the engine
 * may quote a URL or a password, and {@code --debug} prints the settings.
 */
final class Secrets {

	static final String MASK = "****";

	private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;,\\s]*");

	private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

	private final Set<String> passwords = new CopyOnWriteArraySet<>();

	void add(@Nullable String password) {
		if (password != null && !password.isEmpty()) {
			this.passwords.add(password);
		}
	}

	String mask(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String masked = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK);
		masked = URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
		for (String password : this.passwords) {
			masked = masked.replace(password, MASK);
		}
		return masked;
	}

}
