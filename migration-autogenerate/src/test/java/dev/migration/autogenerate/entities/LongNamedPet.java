package dev.migration.autogenerate.entities;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The pet of steps 4 and 5: a longer name, required, and the birth date. */
@MappedSuperclass
public abstract class LongNamedPet extends PetBase {

	@Column(length = 80, nullable = false)
	String name;

	LocalDate born;

}
