package dev.migration.autogenerate.entities;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Step 2 of the pet table: the birth date added. */
@Entity(name = "PetV2")
@Table(name = "pet")
public class PetV2 extends NotedPet {

	LocalDate born;

}
