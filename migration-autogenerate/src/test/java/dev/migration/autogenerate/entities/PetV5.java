package dev.migration.autogenerate.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Step 5 of the pet table: the name unique per owner. */
@Entity(name = "PetV5")
@Table(name = "pet", indexes = @Index(name = "ux_pet_name", columnList = "owner_id, name", unique = true))
public class PetV5 extends LongNamedPet {

}
