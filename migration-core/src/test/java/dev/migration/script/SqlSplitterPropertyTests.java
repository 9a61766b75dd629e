package dev.migration.script;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

import dev.migration.sql.Dialect;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts generated from statement fragments joined at known boundaries split back into
 * exactly those fragments, with the lines they start on.
 */
class SqlSplitterPropertyTests {

	private static void assertSplitsBack(GeneratedScript script) {
		assertThat(SqlSplitter.split(script.text(), script.dialect(), 1, "generated.sql"))
			.containsExactlyElementsOf(script.expected());
	}

	@Property(tries = 1000)
	void postgresqlScriptsSplitAtTheirBoundaries(@ForAll("postgresql") GeneratedScript script) {
		assertSplitsBack(script);
	}

	@Property(tries = 1000)
	void mysqlScriptsSplitAtTheirBoundaries(@ForAll("mysql") GeneratedScript script) {
		assertSplitsBack(script);
	}

	@Property(tries = 1000)
	void sqliteScriptsSplitAtTheirBoundaries(@ForAll("sqlite") GeneratedScript script) {
		assertSplitsBack(script);
	}

	@Property(tries = 1000)
	void h2ScriptsSplitAtTheirBoundaries(@ForAll("h2") GeneratedScript script) {
		assertSplitsBack(script);
	}

	@Property(tries = 10_000)
	@Tag("reliability")
	void scriptsOfEveryDialectSplitAtTheirBoundaries(@ForAll("everyDialect") GeneratedScript script) {
		assertSplitsBack(script);
	}

	@Provide
	Arbitrary<GeneratedScript> postgresql() {
		return ScriptArbitraries.scripts(Dialect.POSTGRESQL);
	}

	@Provide
	Arbitrary<GeneratedScript> mysql() {
		return ScriptArbitraries.scripts(Dialect.MYSQL);
	}

	@Provide
	Arbitrary<GeneratedScript> sqlite() {
		return ScriptArbitraries.scripts(Dialect.SQLITE);
	}

	@Provide
	Arbitrary<GeneratedScript> h2() {
		return ScriptArbitraries.scripts(Dialect.H2);
	}

	@Provide
	Arbitrary<GeneratedScript> everyDialect() {
		// one generator per dialect, built once (flatMap would rebuild one per try)
		return Arbitraries.oneOf(Arrays.stream(Dialect.values()).map(ScriptArbitraries::scripts).toList());
	}

}
