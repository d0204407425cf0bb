package io.patchbay.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetPageTests {

	@Test
	void theExtraRowOnlyTellsThatThereIsMore() {
		KeysetPage<Long> page = KeysetPage.of(List.of(9L, 8L, 7L), 2, Long::longValue);
		assertThat(page.items()).containsExactly(9L, 8L);
		assertThat(page.nextCursor()).isEqualTo(8L);
	}

	@Test
	void theLastPageHasNoCursor() {
		KeysetPage<Long> page = KeysetPage.of(List.of(9L, 8L), 2, Long::longValue);
		assertThat(page.items()).containsExactly(9L, 8L);
		assertThat(page.nextCursor()).isNull();
	}

}
