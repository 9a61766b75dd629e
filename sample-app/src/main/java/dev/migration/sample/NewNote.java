package dev.migration.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /notes}.
 *
 * @param title the title, required
 * @param body the text, may be empty
 * @param tags tags, may be absent
 */
public record NewNote(@Nullable String title, @Nullable String body, @Nullable List<String> tags) {

	public List<String> tagsOrEmpty() {
		return (this.tags != null) ? this.tags : List.of();
	}

}
