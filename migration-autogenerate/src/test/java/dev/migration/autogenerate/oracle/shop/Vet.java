package dev.migration.autogenerate.oracle.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A vet. */
@Entity
public class Vet extends Person {

	@Column(length = 40)
	String specialty;

}
