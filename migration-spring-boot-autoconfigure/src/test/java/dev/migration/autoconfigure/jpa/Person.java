package dev.migration.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity over the table the test migrations create. */
@Entity
@Table(name = "person")
public class Person {

	@Id
	private Long id;

	private String name;

	private String email;

	protected Person() {
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getEmail() {
		return this.email;
	}

}
