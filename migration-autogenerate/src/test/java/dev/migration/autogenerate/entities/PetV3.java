package dev.migration.autogenerate.entities;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Step 3 of the pet table: the notes dropped. */
@Entity(name = "PetV3")
@Table(name = "pet")
public class PetV3 extends PetBase {

	@Column(length = 50)
	String name;

	LocalDate born;

}
