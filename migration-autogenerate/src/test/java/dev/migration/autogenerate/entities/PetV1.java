package dev.migration.autogenerate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Step 1 of the pet table. */
@Entity(name = "PetV1")
@Table(name = "pet")
public class PetV1 extends NotedPet {

}
