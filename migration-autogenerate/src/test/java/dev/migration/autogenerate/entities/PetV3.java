package dev.migration.autogenerate.entities;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Step 3 of the pet table. */
@Entity(name = "PetV3")
@Table(name = "pet")
public class PetV3 {

	@Id
	Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "owner_id", nullable = false, foreignKey = @ForeignKey(name = "fk_pet_owner"))
	Owner owner;

	@Column(length = 50)
	String name;

	LocalDate born;

}
