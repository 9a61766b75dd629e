package dev.migration.sql;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

	@Test
	void findsTheDriverThroughTheGivenClassLoader() throws Exception {
		URL h2 = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
		try (URLClassLoader project = new URLClassLoader(new URL[] { h2 }, ClassLoader.getPlatformClassLoader())) {
			DriverDataSource dataSource = new DriverDataSource("jdbc:h2:mem:driver_loader", "sa", "", null, project);
			try (Connection connection = dataSource.getConnection()) {
				assertThat(connection.getClass().getClassLoader()).isSameAs(project);
			}
		}
	}

	@Test
	void namesTheUrlWhenNoDriverOnTheClassLoaderAcceptsIt() {
		DriverDataSource dataSource = new DriverDataSource("jdbc:nothing:db", null, null, null,
				ClassLoader.getPlatformClassLoader());
		assertThatExceptionOfType(SQLException.class).isThrownBy(dataSource::getConnection)
			.withMessage("No JDBC driver for jdbc:nothing:db on the class path; add the driver as a dependency of "
					+ "the project");
	}

	@Test
	void namesTheDriverClassThatCannotBeLoaded() {
		DriverDataSource dataSource = new DriverDataSource("jdbc:h2:mem:x", null, null, "org.example.NoDriver",
				ClassLoader.getPlatformClassLoader());
		assertThatExceptionOfType(SQLException.class).isThrownBy(dataSource::getConnection)
			.withMessage("Cannot load the JDBC driver org.example.NoDriver for jdbc:h2:mem:x: "
					+ "java.lang.ClassNotFoundException: org.example.NoDriver; add the driver as a dependency or fix "
					+ "the driver class name");
	}

}
