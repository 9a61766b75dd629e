package dev.migration.sql;

import java.sql.Connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriverDataSourceTests {

	@Test
	void opensANewConnectionPerCallAndNeverShowsCredentials() throws Exception {
		DriverDataSource dataSource = new DriverDataSource("jdbc:h2:mem:driver_ds;DB_CLOSE_DELAY=-1", "sa",
				"secret-pw");
		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			assertThat(first).isNotSameAs(second);
			assertThat(first.getMetaData().getUserName()).isEqualToIgnoringCase("sa");
			assertThat(Dialect.detect(first)).isEqualTo(Dialect.H2);
			first.createStatement().execute("SHUTDOWN");
		}
		assertThat(dataSource).hasToString("DriverDataSource[jdbc:h2:mem:driver_ds;DB_CLOSE_DELAY=-1]");
		assertThat(dataSource.isWrapperFor(javax.sql.DataSource.class)).isTrue();
	}

}
