package dev.migration.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's documentation pages, for tests that run what they document. */
final class Docs {

	private Docs() {
	}

	/**
	 * A page of {@code docs/}, e.g. {@code cli.md}; the build sets the folder for *IT.
	 */
	static Path page(String name) {
		Path page = Path.of(System.getProperty("migration.docs", "../docs")).resolve(name).toAbsolutePath();
		assertThat(page).as("documentation page").exists();
		return page;
	}

}
