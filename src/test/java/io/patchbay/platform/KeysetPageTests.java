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
		assertThat(page.previousCursor()).isNull();
	}

	@Test
	void theLastPageHasNoCursor() {
		KeysetPage<Long> page = KeysetPage.of(List.of(9L, 8L), 2, Long::longValue);
		assertThat(page.items()).containsExactly(9L, 8L);
		assertThat(page.nextCursor()).isNull();
	}

	@Test
	void aPageAfterACursorHasItemsInFront() {
		KeysetPage<Long> page = KeysetPage.of(List.of(7L, 6L, 5L), PageRequest.after(8L, 2), Long::longValue);
		assertThat(page.items()).containsExactly(7L, 6L);
		assertThat(page.nextCursor()).isEqualTo(6L);
		assertThat(page.previousCursor()).isEqualTo(7L);
	}

	@Test
	void aPageBeforeACursorIsReadNearestFirstAndReversed() {
		// A newest-first list 9, 8, 7, 6, 5: the page before 6 is read as 7, 8, 9.
		KeysetPage<Long> page = KeysetPage.of(List.of(7L, 8L, 9L), new PageRequest(null, 6L, 2), Long::longValue);
		assertThat(page.items()).containsExactly(8L, 7L);
		assertThat(page.nextCursor()).isEqualTo(7L);
		assertThat(page.previousCursor()).isEqualTo(8L);
	}

	@Test
	void thePageBeforeACursorCanBeTheFirst() {
		KeysetPage<Long> page = KeysetPage.of(List.of(8L, 9L), new PageRequest(null, 7L, 2), Long::longValue);
		assertThat(page.items()).containsExactly(9L, 8L);
		assertThat(page.nextCursor()).isEqualTo(8L);
		assertThat(page.previousCursor()).isNull();
	}

	@Test
	void nothingBeforeTheFirstItemStillLeadsBack() {
		KeysetPage<Long> page = KeysetPage.of(List.of(), new PageRequest(null, 9L, 2), Long::longValue);
		assertThat(page.items()).isEmpty();
		assertThat(page.nextCursor()).isEqualTo(9L);
		assertThat(page.previousCursor()).isNull();
	}

	@Test
	void keepsItsCursorsOverOtherItems() {
		KeysetPage<Long> page = KeysetPage.of(List.of(7L, 6L, 5L), PageRequest.after(8L, 2), Long::longValue);
		KeysetPage<String> shown = page.with(List.of("six"));
		assertThat(shown.nextCursor()).isEqualTo(6L);
		assertThat(shown.previousCursor()).isEqualTo(7L);
	}

}
