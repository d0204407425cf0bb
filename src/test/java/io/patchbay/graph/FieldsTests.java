package io.patchbay.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FieldsTests {

	@Test
	void parsesNestingAndModifiers() {
		Fields fields = Fields.parse("id, message,from{id,name},comments.limit(0).summary(total_count){id,from{name}}");

		assertThat(fields.fields()).extracting(Fields.Field::name).containsExactly("id", "message", "from", "comments");
		Fields.Field comments = fields.fields().get(3);
		assertThat(comments.modifier("limit")).isEqualTo("0");
		assertThat(comments.modifier("summary")).isEqualTo("total_count");
		assertThat(comments.nested().fields().get(1).nested().fields().getFirst().name()).isEqualTo("name");
	}

	@Test
	void refusesBrokenSelections() {
		for (String broken : new String[] { "id,", "from{id", "a.limit(3", "{id}", "id}", "a..b" }) {
			assertThatExceptionOfType(GraphException.class).as(broken)
				.isThrownBy(() -> Fields.parse(broken))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(100));
		}
	}

	@Test
	void refusesUnknownFieldsOfANodeType() {
		assertThatExceptionOfType(GraphException.class)
			.isThrownBy(() -> Fields.parse("id,bogus").allowOnly(java.util.Set.of("id"), "Page"))
			.withMessageContaining("bogus");
	}

}
