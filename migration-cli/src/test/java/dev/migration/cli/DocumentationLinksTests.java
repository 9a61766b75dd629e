package dev.migration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in the project's Markdown files (README.md, docs/, module READMEs)
 * points at a file that exists and, with a {@code #fragment}, at a heading of that page.
 */
class DocumentationLinksTests {

	private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

	@Test
	void relativeLinksResolveToFilesAndHeadings() throws IOException {
		Path root = Docs.page("README.md").getParent().getParent().normalize();
		List<Path> pages = markdownFiles(root);
		assertThat(pages).contains(root.resolve("README.md"), root.resolve("docs/README.md"));
		List<String> broken = new ArrayList<>();
		for (Path page : pages) {
			Matcher link = LINK.matcher(withoutCode(Files.readString(page)));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("[a-z]+:.*")) {
					continue;
				}
				int hash = target.indexOf('#');
				String file = (hash < 0) ? target : target.substring(0, hash);
				Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
				if (!Files.exists(resolved)) {
					broken.add(root.relativize(page) + ": " + target + " (no such file)");
				}
				else if (hash >= 0 && resolved.toString().endsWith(".md")
						&& !anchors(resolved).contains(target.substring(hash + 1))) {
					broken.add(root.relativize(page) + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	private static List<Path> markdownFiles(Path root) throws IOException {
		List<Path> pages = new ArrayList<>();
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				String name = dir.getFileName().toString();
				return (name.equals("target") || name.equals("node_modules")
						|| name.startsWith(".") && !dir.equals(root)) ? FileVisitResult.SKIP_SUBTREE
								: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				if (file.getFileName().toString().endsWith(".md")) {
					pages.add(file);
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return pages;
	}

	/** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens. */
	private static Set<String> anchors(Path page) {
		try {
			Set<String> anchors = new HashSet<>();
			Matcher heading = HEADING.matcher(withoutCode(Files.readString(page)));
			while (heading.find()) {
				anchors.add(heading.group(1)
					.toLowerCase(Locale.ROOT)
					.replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
					.replace(' ', '-'));
			}
			return anchors;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String withoutCode(String markdown) {
		return FENCE.matcher(markdown).replaceAll("");
	}

}
