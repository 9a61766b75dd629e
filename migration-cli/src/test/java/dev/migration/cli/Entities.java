package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A project's compiled {@code @Entity} classes, compiled at test time into a directory as
 * a build would put them in {@code target/classes}.
 */
final class Entities {

	private Entities() {
	}

	/** {@code shop.Customer}: id and name, plus the given extra field declarations. */
	static String customer(String extraFields) {
		return """
				package shop;

				import jakarta.persistence.Column;
				import jakarta.persistence.Entity;
				import jakarta.persistence.Id;
				import jakarta.persistence.Table;

				@Entity
				@Table(name = "customer")
				public class Customer {

					@Id
					private Long id;

					@Column(name = "name", length = 80, nullable = false)
					private String name;
				%s
				}
				""".formatted(extraFields);
	}

	/** Compiles one class into {@code classes} (replacing an earlier version). */
	static void compile(Path classes, String className, String source) {
		try {
			Path sources = Files.createTempDirectory("entity-sources");
			Path file = sources.resolve(className.replace('.', '/') + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, source);
			Files.createDirectories(classes);
			String persistence = Path
				.of(jakarta.persistence.Entity.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toString();
			JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
			int result = compiler.run(null, null, null, "-classpath", persistence, "-d", classes.toString(),
					file.toString());
			if (result != 0) {
				throw new IllegalStateException("javac failed on " + file);
			}
			Files.delete(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
