package dev.migration.script;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migration.Migration;
import dev.migration.MigrationConfig;
import dev.migration.MigrationException;
import dev.migration.Revision;
import dev.migration.sql.Dialect;
import dev.migration.testing.TestContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Java migrations packaged in a jar (as an application's own jar holds them): compiled on
 * the fly so that nothing else on the test class path has their package.
 */
class ScriptLoaderJarTests {

	@TempDir
	Path dir;

	@Test
	void findsJavaMigrationsAndScriptsInAJar() throws Exception {
		Path sources = Files.createDirectories(this.dir.resolve("src/jarmigrations/sub"));
		Files.writeString(sources.getParent().resolve("V1.java"), """
				package jarmigrations;

				@dev.migration.RevisionInfo(id = "aa0001", message = "From a jar")
				public class V1 implements dev.migration.Migration {
					@Override
					public void upgrade(dev.migration.MigrationContext context) {
						context.execute("SELECT 1");
					}
				}
				""");
		Files.writeString(sources.resolve("V2.java"), """
				package jarmigrations.sub;

				@dev.migration.RevisionInfo(id = "aa0002", revises = "aa0001")
				public class V2 implements dev.migration.Migration {
					@Override
					public void upgrade(dev.migration.MigrationContext context) {
					}
				}
				""");
		Path classes = Files.createDirectories(this.dir.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
				System.getProperty("java.class.path"), sources.getParent().resolve("V1.java").toString(),
				sources.resolve("V2.java").toString());
		assertThat(status).isZero();
		Path jar = this.dir.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			// jar tools write directory entries; class loaders find packages through them
			add(out, "jarmigrations/", new byte[0]);
			add(out, "jarmigrations/sub/", new byte[0]);
			add(out, "jarmigrations/V1.class", Files.readAllBytes(classes.resolve("jarmigrations/V1.class")));
			add(out, "jarmigrations/sub/V2.class", Files.readAllBytes(classes.resolve("jarmigrations/sub/V2.class")));
			add(out, "jarmigrations/aa0003_three.sql",
					ScriptLoaderTests.script("aa0003", "aa0002").getBytes(StandardCharsets.UTF_8));
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				getClass().getClassLoader())) {
			List<Revision> revisions = ScriptLoader
				.load(MigrationConfig.builder().classLoader(loader).locations("classpath:jarmigrations").build());
			assertThat(revisions).extracting(Revision::id, Revision::kind, Revision::location)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("aa0003", Revision.Kind.SQL,
								"classpath:jarmigrations/aa0003_three.sql"),
						org.assertj.core.groups.Tuple.tuple("aa0001", Revision.Kind.JAVA, "jarmigrations.V1"),
						org.assertj.core.groups.Tuple.tuple("aa0002", Revision.Kind.JAVA, "jarmigrations.sub.V2"));
			Migration first = revisions.get(1).migration();
			assertThat(first.getClass().getClassLoader()).isSameAs(loader);
			TestContext context = TestContext.offline(Dialect.H2);
			first.upgrade(context);
			assertThat(context.statements()).containsExactly("SELECT 1");
		}
	}

	@Test
	void scansJarUrlsOfAnyShapeThroughTheirConnection() throws Exception {
		// Spring Boot hands out jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration,
		// whose
		// connection is a JarURLConnection on the nested jar: the loader must not parse
		// URLs
		Path inner = this.dir.resolve("classes.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(inner))) {
			add(out, "db/migration/", new byte[0]);
			add(out, "db/migration/n2_two.sql", ScriptLoaderTests.script("n2", "n1").getBytes(StandardCharsets.UTF_8));
			add(out, "db/migration/n1_one.sql", ScriptLoaderTests.script("n1", "").getBytes(StandardCharsets.UTF_8));
		}
		URLStreamHandler nestedHandler = new URLStreamHandler() {

			@Override
			protected URLConnection openConnection(URL url) throws IOException {
				return new JarURLConnection(new URL("jar:" + inner.toUri() + "!/db/migration")) {

					@Override
					public void connect() {
					}

					@Override
					public JarFile getJarFile() throws IOException {
						return new JarFile(inner.toFile());
					}

				};
			}

		};
		URL nested = new URL(null, "jar:nested:" + this.dir + "/app.jar/!BOOT-INF/classes/!/db/migration",
				nestedHandler);
		assertThat(loadedFrom(nested)).containsExactly("classpath:db/migration/n1_one.sql",
				"classpath:db/migration/n2_two.sql");
	}

	@Test
	void scansUrlsWhoseSchemeHasAFileSystemLikeANativeImagesResourceUrls() throws Exception {
		// a native image hands out resource:/db/migration, whose connection is no
		// JarURLConnection but whose scheme has a NIO file system; the JDK's zip file
		// system stands in for GraalVM's resource file system here
		Path zip = this.dir.resolve("resources.zip");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(zip))) {
			add(out, "db/migration/", new byte[0]);
			add(out, "db/migration/sub/", new byte[0]);
			add(out, "db/migration/sub/r2_two.sql",
					ScriptLoaderTests.script("r2", "r1").getBytes(StandardCharsets.UTF_8));
			add(out, "db/migration/r1_one.sql", ScriptLoaderTests.script("r1", "").getBytes(StandardCharsets.UTF_8));
		}
		URL resources = plainUrl("jar:" + zip.toUri() + "!/db/migration");
		assertThat(loadedFrom(resources)).containsExactly("classpath:db/migration/r1_one.sql",
				"classpath:db/migration/sub/r2_two.sql");
	}

	@Test
	void urlsWithoutAFileSystemAreRefusedWithTheRemedy() throws Exception {
		URL odd = plainUrl("odd://host/db/migration");
		ClassLoader loader = new ClassLoader(null) {

			@Override
			public Enumeration<URL> getResources(String name) {
				return Collections.enumeration(List.of(odd));
			}

		};
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> ScriptLoader
				.load(MigrationConfig.builder().classLoader(loader).locations("classpath:db/migration").build()))
			.withMessage("Cannot scan classpath:db/migration at odd://host/db/migration: unsupported URL type 'odd'; "
					+ "put the migrations in a directory or jar on the class path, or use a filesystem: location");
	}

	/**
	 * A URL whose connection is a plain one (no {@code JarURLConnection}).
	 * @param spec the URL
	 * @return the URL
	 */
	private static URL plainUrl(String spec) throws MalformedURLException {
		URLStreamHandler plainHandler = new URLStreamHandler() {

			@Override
			protected URLConnection openConnection(URL url) {
				return new URLConnection(url) {

					@Override
					public void connect() {
					}

				};
			}

		};
		return new URL(null, spec, plainHandler);
	}

	/**
	 * The locations of the revisions loaded from {@code classpath:db/migration} where the
	 * class loader finds that folder at the URL alone.
	 * @param url the folder
	 * @return the locations, in order
	 */
	private static List<String> loadedFrom(URL url) {
		ClassLoader loader = new ClassLoader(null) {

			@Override
			public Enumeration<URL> getResources(String name) {
				return name.equals("db/migration") ? Collections.enumeration(List.of(url))
						: Collections.emptyEnumeration();
			}

		};
		return ScriptLoader
			.load(MigrationConfig.builder().classLoader(loader).locations("classpath:db/migration").build())
			.stream()
			.map(Revision::location)
			.toList();
	}

	private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content);
		out.closeEntry();
	}

}
