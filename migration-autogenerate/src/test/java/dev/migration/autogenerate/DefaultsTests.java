package dev.migration.autogenerate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Server defaults compared by meaning across the forms databases report them in. */
class DefaultsTests {

	@Test
	void postgresqlCastsAndParenthesesAreIgnored() {
		assertThat(Defaults.normalize("'new'::character varying")).isEqualTo("'new'");
		assertThat(Defaults.normalize("(0)")).isEqualTo("0");
		assertThat(Defaults.normalize("'{}'::jsonb")).isEqualTo("'{}'");
	}

	@Test
	void currentTimestampSpellingsAreOne() {
		assertThat(Defaults.same("current_timestamp()", "CURRENT_TIMESTAMP")).isTrue();
		assertThat(Defaults.same("now()", "CURRENT_TIMESTAMP")).isTrue();
	}

	@Test
	void numbersCompareByValueAndStringsByText() {
		assertThat(Defaults.same("0.00", "0")).isTrue();
		assertThat(Defaults.same("'0'", "0")).isTrue();
		assertThat(Defaults.same("'a'", "'b'")).isFalse();
		assertThat(Defaults.same(null, "0")).isFalse();
		assertThat(Defaults.same(null, null)).isTrue();
	}

}
