package dev.migration.autogenerate.entities;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The pet of steps 1 and 2: a short name and notes. */
@MappedSuperclass
public abstract class NotedPet extends PetBase {

	@Column(length = 50)
	String name;

	@Column(length = 2000)
	String notes;

}
