package io.patchbay.community;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTests {

	@Test
	void readsDistinctMentionsInOrder() {
		assertThat(Mentions.in("Hi @[100000000000002] and @[100000000000001], again @[100000000000002]!"))
			.containsExactly(100000000000002L, 100000000000001L);
	}

	@Test
	void ignoresWhatIsNotAMention() {
		assertThat(Mentions.in("mail me@[x] or @[] or [123] or @[12345678901234567890]")).isEmpty();
	}

}
