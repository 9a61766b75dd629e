package dev.migration.autoconfigure.slice;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

import dev.migration.autoconfigure.jpa.Person;

/** The application the slice tests find by searching up from their package. */
@SpringBootApplication
@EntityScan(basePackageClasses = Person.class)
public class SliceApplication {

}
