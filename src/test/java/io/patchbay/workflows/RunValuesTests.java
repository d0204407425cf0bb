package io.patchbay.workflows;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.MemberProfile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values go in as literal text, in the form of the field they land in.
 */
class RunValuesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final RunValues values = new RunValues(
			Map.of("note", "@[7] **bold** <b>x</b> {{note}}", "path", "a/../b?c=d", "agent", "42"),
			Map.of("agent", member(42, "Bob Agent")), this.json);

	@Test
	void chatShowsValuesAsTheyCameAndAMemberByName() {
		assertThat(this.values.render("{{agent}}: {{note}}", RunValues.Field.CHAT))
			.isEqualTo("@Bob Agent: @[7] **bold** <b>x</b> {{note}}");
	}

	@Test
	void aPostMentionsTheMemberButNoValueThatLooksLikeAMention() {
		assertThat(this.values.render("{{agent}}: {{note}}", RunValues.Field.POST))
			.isEqualTo("@[42]: @\u2060[7] **bold** <b>x</b> {{note}}");
	}

	@Test
	void aUrlGetsValuesPercentEncoded() {
		assertThat(this.values.render("https://api.example.com/items/{{path}}", RunValues.Field.URL))
			.isEqualTo("https://api.example.com/items/a%2F..%2Fb%3Fc%3Dd");
	}

	@Test
	void laterStepsReadAnApiCallsStatusAndBody() {
		this.values.add(new StepResult(1, "api_call", true, null,
				Map.of("status", 201, "body", this.json.readTree("{\"ticket\":{\"id\":4711,\"tags\":[\"a\",\"b\"]}}")),
				3));
		assertThat(this.values.render("{{step1.status}} {{step1.body.ticket.id}} {{step1.body.ticket.tags.1}}",
				RunValues.Field.PLAIN))
			.isEqualTo("201 4711 b");
		assertThat(this.values.render("[{{step1.body.missing}}]", RunValues.Field.PLAIN)).isEqualTo("[]");
		assertThat(this.values.render(this.json.readTree("{\"subject\":\"{{note}}\"}")).get("subject").asString())
			.isEqualTo("@[7] **bold** <b>x</b> {{note}}");
	}

	@Test
	void aDestinationIsTheIdItsVariableHolds() {
		assertThat(this.values.destination("{{agent}}")).isEqualTo("42");
		assertThat(this.values.destination(" t_9 ")).isEqualTo("t_9");
	}

	private static MemberProfile member(long id, String name) {
		Instant now = Instant.now();
		return new MemberProfile(id, "bob@example.com", name, null, null, null, null, null, null, null, null, null,
				null, null, null, true, Set.of(), null, now, now, now);
	}

}
