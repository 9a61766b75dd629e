package dev.migration.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.migration.benchmarks.BenchDatabase.DbKind;
import dev.migration.benchmarks.BenchDatabase.Server;

/**
 * The harness's command line.
 *
 * @param server where fresh databases are made
 * @param sizes the N to measure
 * @param rounds measured rounds per N
 * @param warmup unmeasured rounds before them, at the first N only (the JVM is warm
 * after)
 * @param largeRounds measured rounds at N of {@link #LARGE} and more
 * @param contenders the contenders, by name
 * @param skipLarge contenders not run at all at N of {@link #LARGE} and more (reported as
 * skipped)
 * @param memoryCheck whether to run the -Xmx128m nothing-to-do check at the largest N
 * @param startupRuns process starts per variant of the start-up benchmark (0: skip)
 * @param jmh whether to run the JMH benchmarks too
 * @param sampleJar the sample app's runnable jar, for the start-up benchmark
 * @param out where results.md goes
 * @param realistic revisions in the realistic corpus (0: skip it; never on H2)
 */
record HarnessOptions(Server server, List<Integer> sizes, int rounds, int warmup, int largeRounds,
		List<String> contenders, Set<String> skipLarge, boolean memoryCheck, int startupRuns, boolean jmh,
		Path sampleJar, Path out, int realistic) {

	static final int LARGE = 10_000;

	static final List<String> ALL_CONTENDERS = List.of(FloorContender.NAME, EngineContender.NAME, FlywayContender.NAME,
			LiquibaseContender.NAME);

	/**
	 * Every contender {@code --contenders} takes: the default ones and the progress
	 * floor.
	 */
	static final List<String> KNOWN_CONTENDERS = List.of(FloorContender.NAME, ProgressFloorContender.NAME,
			EngineContender.NAME, FlywayContender.NAME, LiquibaseContender.NAME);

	static final String USAGE = """
			Usage: java -jar migration-benchmarks/target/benchmarks.jar [options]
			  --db postgresql|mariadb|h2      database (default h2)
			  --url URL --user U --password P server to make fresh schemas/databases on
			                                  (default: MIGRATION_TEST_<DB>_URL/_USER/_PASSWORD)
			  --n 100,1000,10000              revision counts (default 100,1000; none: only the realistic corpus)
			  --realistic N                   revisions of the realistic corpus: functions, triggers,
			                                  CONCURRENTLY, views, mixed DDL/DML (default 300, 0 skips;
			                                  PostgreSQL and MariaDB only)
			  --rounds R                      measured rounds per N (default 5)
			  --warmup W                      unmeasured rounds first, at the first N only (default 1)
			  --large-rounds R                measured rounds at N>=10,000 (default: --rounds)
			  --contenders floor,us,flyway,liquibase
			                                  (default; floor-progress: the floor with a count
			                                  after every statement that commits on its own)
			  --skip-large flyway,liquibase   do not run these at N>=10,000 (reported as skipped)
			  --no-memory-check               skip the -Xmx128m nothing-to-do run at the largest N
			  --startup-runs K                process starts per start-up variant (default 5, 0 skips)
			  --sample-jar JAR                the sample app (default sample-app/target/sample-app.jar)
			  --no-jmh                        skip the JMH benchmarks (splitter, graph)
			  --out FILE                      Markdown report (default target/results.md beside the jar)
			""";

	int roundsFor(int n) {
		return (n >= LARGE) ? this.largeRounds : this.rounds;
	}

	int warmupFor(int n) {
		return (n >= LARGE) ? 0 : this.warmup;
	}

	static HarnessOptions parse(String[] args, Path targetDir) {
		DbKind kind = DbKind.H2;
		String url = null;
		String user = null;
		String password = null;
		List<Integer> sizes = List.of(100, 1000);
		int rounds = 5;
		int warmup = 1;
		Integer largeRounds = null;
		List<String> contenders = ALL_CONTENDERS;
		Set<String> skipLarge = Set.of();
		boolean memoryCheck = true;
		int startupRuns = 5;
		boolean jmh = true;
		Path out = targetDir.resolve("results.md");
		int realistic = 300;
		Path sampleJar = targetDir.resolve("../../sample-app/target/sample-app.jar").normalize();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--db" -> kind = DbKind.parse(value(args, ++i, arg));
				case "--url" -> url = value(args, ++i, arg);
				case "--user" -> user = value(args, ++i, arg);
				case "--password" -> password = value(args, ++i, arg);
				case "--n" -> {
					String value = value(args, ++i, arg);
					sizes = value.equals("none") ? List.of() : list(value).stream().map(Integer::parseInt).toList();
				}
				case "--realistic" -> realistic = Integer.parseInt(value(args, ++i, arg));
				case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, arg));
				case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
				case "--large-rounds" -> largeRounds = Integer.parseInt(value(args, ++i, arg));
				case "--contenders" -> contenders = names(value(args, ++i, arg));
				case "--skip-large" -> skipLarge = Set.copyOf(names(value(args, ++i, arg)));
				case "--no-memory-check" -> memoryCheck = false;
				case "--startup-runs" -> startupRuns = Integer.parseInt(value(args, ++i, arg));
				case "--no-jmh" -> jmh = false;
				case "--sample-jar" -> sampleJar = Path.of(value(args, ++i, arg));
				case "--out" -> out = Path.of(value(args, ++i, arg));
				default -> throw new IllegalArgumentException("Unknown option '" + arg + "'\n" + USAGE);
			}
		}
		String prefix = "MIGRATION_TEST_" + kind.name() + "_";
		if (kind == DbKind.H2) {
			url = "jdbc:h2:mem:";
		}
		else if (url == null) {
			url = System.getenv(prefix + "URL");
			if (url == null || url.isBlank()) {
				throw new IllegalArgumentException(
						"--db " + kind.label() + " needs --url or the variable " + prefix + "URL\n" + USAGE);
			}
		}
		user = (user != null) ? user : env(prefix + "USER", (kind == DbKind.H2) ? "sa" : "");
		password = (password != null) ? password : env(prefix + "PASSWORD", "");
		return new HarnessOptions(new Server(kind, url, user, password), sizes, rounds, warmup,
				(largeRounds != null) ? largeRounds : rounds, contenders, skipLarge, memoryCheck, startupRuns, jmh,
				sampleJar, out, (kind == DbKind.H2) ? 0 : realistic);
	}

	private static List<String> names(String value) {
		List<String> names = new ArrayList<>();
		for (String name : list(value)) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!KNOWN_CONTENDERS.contains(lower)) {
				throw new IllegalArgumentException(
						"Unknown contender '" + name + "'; use " + String.join(", ", KNOWN_CONTENDERS));
			}
			names.add(lower);
		}
		return names;
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
		}
		return args[index];
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
