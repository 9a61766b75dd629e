package dev.migration.autogenerate.entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Step 1 of the pet table. */
@Entity(name = "PetV1")
@Table(name = "pet")
public class PetV1 {

	@Id
	Long id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "owner_id", nullable = false, foreignKey = @ForeignKey(name = "fk_pet_owner"))
	Owner owner;

	@Column(length = 50)
	String name;

	@Column(length = 2000)
	String notes;

}
