package dev.migration.script;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.ProviderNotFoundException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migration.MissingLocationException;
import dev.migration.MigrationException;

/**
 * Lists the {@code .sql} files (read once, as bytes) and {@code .class} files below a
 * location, recursively and in a deterministic order: directories on disk and jars,
 * including Spring Boot's nested jars, which the class loader exposes as {@code jar:}
 * URLs whose connection is a {@link JarURLConnection}.
 */
final class LocationScanner {

	private static final Logger log = LoggerFactory.getLogger(LocationScanner.class);

	private LocationScanner() {
	}

	/** A script file: its path below the location root and its content. */
	record ScriptFile(String relativePath, byte[] content) {
	}

	/** What a location holds. */
	record Listing(List<ScriptFile> scripts, List<String> classFiles) {
	}

	/**
	 * List a location.
	 * @param location the location
	 * @param classLoader where {@code classpath:} locations are looked up
	 * @param strict whether a location that does not exist is an error (else a warning)
	 * @return what it holds
	 */
	static Listing scan(Location location, ClassLoader classLoader, boolean strict) {
		Listing listing = new Listing(new ArrayList<>(), new ArrayList<>());
		if (!location.classpath()) {
			Path root = Paths.get(location.path());
			if (!Files.isDirectory(root)) {
				missing(location, "no directory " + root.toAbsolutePath(), strict);
				return listing;
			}
			directory(root, listing, false);
			return listing;
		}
		Set<String> seen = new LinkedHashSet<>();
		try {
			Enumeration<URL> urls = classLoader.getResources(location.path());
			while (urls.hasMoreElements()) {
				URL url = urls.nextElement();
				if (seen.add(url.toExternalForm())) {
					root(url, location, listing);
				}
			}
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot scan " + location.written() + ": " + ex.getMessage()
					+ "; check that the class path entries are readable", ex);
		}
		if (seen.isEmpty()) {
			missing(location, "no directory " + location.path() + " on the class path (in a jar, the directory needs "
					+ "its own entry, as jar tools write by default)", strict);
		}
		return listing;
	}

	private static void missing(Location location, String what, boolean strict) {
		if (strict) {
			throw new MissingLocationException(location.written(), what);
		}
		log.warn("No migrations found at {}: {}", location.written(), what);
	}

	private static void root(URL url, Location location, Listing listing) throws IOException {
		if ("file".equals(url.getProtocol())) {
			try {
				directory(Paths.get(url.toURI()), listing, true);
			}
			catch (URISyntaxException ex) {
				throw new MigrationException(
						"Cannot scan " + location.written() + " at " + url + ": " + ex.getMessage(), ex);
			}
			return;
		}
		URLConnection connection = url.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			fileSystem(url, location, listing);
			return;
		}
		// our own handle on the jar: closing it must not close the class loader's
		jarConnection.setUseCaches(false);
		String entryName = jarConnection.getEntryName();
		String prefix = (entryName == null || entryName.isEmpty()) ? "" : stripSlash(entryName) + "/";
		try (JarFile jar = jarConnection.getJarFile()) {
			jar(jar, prefix, listing);
		}
	}

	/**
	 * Any other URL whose scheme has a NIO file system: a native image's
	 * {@code resource:} URLs (GraalVM's file system of the resources built into the
	 * image), as Spring's {@code PathMatchingResourcePatternResolver} lists them.
	 */
	private static void fileSystem(URL url, Location location, Listing listing) throws IOException {
		URI uri;
		try {
			uri = url.toURI();
		}
		catch (URISyntaxException ex) {
			throw new MigrationException("Cannot scan " + location.written() + " at " + url + ": " + ex.getMessage(),
					ex);
		}
		FileSystem opened = null;
		try {
			Path root;
			try {
				root = Path.of(uri);
			}
			catch (FileSystemNotFoundException ex) {
				opened = FileSystems.newFileSystem(uri, Map.of());
				root = Path.of(uri);
			}
			directory(root, listing, true);
		}
		catch (FileSystemNotFoundException | ProviderNotFoundException | IllegalArgumentException ex) {
			throw new MigrationException("Cannot scan " + location.written() + " at " + url + ": unsupported URL type '"
					+ url.getProtocol() + "'; put the migrations in a directory or jar on the class path, or use a "
					+ "filesystem: location", ex);
		}
		finally {
			if (opened != null) {
				opened.close();
			}
		}
	}

	private static String stripSlash(String entryName) {
		return entryName.endsWith("/") ? entryName.substring(0, entryName.length() - 1) : entryName;
	}

	private static void jar(JarFile jar, String prefix, Listing listing) throws IOException {
		List<JarEntry> scripts = new ArrayList<>();
		List<String> classes = new ArrayList<>();
		Enumeration<JarEntry> entries = jar.entries();
		while (entries.hasMoreElements()) {
			JarEntry entry = entries.nextElement();
			String name = entry.getName();
			if (entry.isDirectory() || !name.startsWith(prefix)) {
				continue;
			}
			if (name.endsWith(".sql")) {
				scripts.add(entry);
			}
			else if (name.endsWith(".class")) {
				classes.add(name.substring(prefix.length()));
			}
		}
		scripts.sort(Comparator.comparing(JarEntry::getName));
		for (JarEntry entry : scripts) {
			try (InputStream in = jar.getInputStream(entry)) {
				listing.scripts().add(new ScriptFile(entry.getName().substring(prefix.length()), in.readAllBytes()));
			}
		}
		classes.sort(null);
		listing.classFiles().addAll(classes);
	}

	private static void directory(Path root, Listing listing, boolean classes) {
		List<String> scripts = new ArrayList<>();
		List<String> classFiles = new ArrayList<>();
		int rootLength = root.toString().length() + 1;
		String separator = root.getFileSystem().getSeparator();
		try {
			// walkFileTree hands over the attributes it read anyway: no second stat per
			// file
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile()) {
						String name = file.toString();
						if (name.endsWith(".sql")) {
							scripts.add(name.substring(rootLength));
						}
						else if (classes && name.endsWith(".class")) {
							classFiles.add(name.substring(rootLength));
						}
					}
					return FileVisitResult.CONTINUE;
				}

			});
			for (String relative : sorted(scripts, separator)) {
				listing.scripts().add(new ScriptFile(relative, Files.readAllBytes(root.resolve(relative))));
			}
		}
		catch (IOException ex) {
			throw new MigrationException("Cannot read migrations below " + root + ": " + ex.getMessage()
					+ "; check the directory's permissions", ex);
		}
		listing.classFiles().addAll(sorted(classFiles, separator));
	}

	/** '/'-separated and in path order, the same on every platform and file system. */
	private static List<String> sorted(List<String> relativePaths, String separator) {
		if (!separator.equals("/")) {
			relativePaths.replaceAll((path) -> path.replace(separator, "/"));
		}
		relativePaths.sort(null);
		return relativePaths;
	}

}
