package dev.migration.autogenerate.entities;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Step 2 of the pet table. */
@Entity(name = "PetV2")
@Table(name = "pet")
public class PetV2 {

	@Id
	Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "owner_id", nullable = false, foreignKey = @ForeignKey(name = "fk_pet_owner"))
	Owner owner;

	@Column(length = 50)
	String name;

	@Column(length = 2000)
	String notes;

	LocalDate born;

}
