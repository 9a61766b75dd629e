package dev.migration.autogenerate.oracle.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A customer: a unique email and a STRING enum. */
@Entity
public class Customer extends Person {

	@Column(length = 120, unique = true)
	String email;

	@Enumerated(EnumType.STRING)
	Status status;

	/** The customer's status. */
	public enum Status {

		NEW, ACTIVE, BLOCKED

	}

}
