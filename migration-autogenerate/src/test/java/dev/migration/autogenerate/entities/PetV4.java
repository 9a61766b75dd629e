package dev.migration.autogenerate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Step 4 of the pet table: the name longer and required. */
@Entity(name = "PetV4")
@Table(name = "pet")
public class PetV4 extends LongNamedPet {

}
