package dev.migration.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTests {

	@Test
	void writesNestedMapsAndListsWithEscapedStrings() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("id", "a\"b\\c\nd");
		value.put("list", List.of(1, true));
		value.put("empty", List.of());
		value.put("none", null);
		value.put("duration", Duration.ofMillis(1500));
		assertThat(Json.write(value)).isEqualTo("""
				{
				  "id": "a\\"b\\\\c\\nd",
				  "list": [
				    1,
				    true
				  ],
				  "empty": [],
				  "none": null,
				  "duration": 1500
				}""");
	}

}
