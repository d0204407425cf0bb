package io.patchbay.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageRequestTests {

	@Test
	void readsForwardPastTheCursorInTheListsOrder() {
		PageRequest page = PageRequest.after(5L, 10);
		assertThat(page.where("id", true) + page.orderBy("id", true)).isEqualTo("id > ? ORDER BY id ASC");
		assertThat(page.where("id", false) + page.orderBy("id", false)).isEqualTo("id < ? ORDER BY id DESC");
		assertThat(page.key(true)).isEqualTo(5L);
	}

	@Test
	void readsBackwardFromTheCursorInReverseOrder() {
		PageRequest page = new PageRequest(null, 5L, 10);
		assertThat(page.backward()).isTrue();
		assertThat(page.where("id", true) + page.orderBy("id", true)).isEqualTo("id < ? ORDER BY id DESC");
		assertThat(page.where("id", false) + page.orderBy("id", false)).isEqualTo("id > ? ORDER BY id ASC");
		assertThat(page.key(false)).isEqualTo(5L);
	}

	@Test
	void aFirstPageComparesWithABoundEveryIdPasses() {
		PageRequest page = PageRequest.after(null, 10);
		assertThat(page.key(true)).isZero();
		assertThat(page.key(false)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void afterWinsOverBeforeAndTheLimitIsClamped() {
		PageRequest page = new PageRequest(3L, 9L, 500);
		assertThat(page.backward()).isFalse();
		assertThat(page.limit()).isEqualTo(100);
		assertThat(page.rows()).isEqualTo(101);
	}

}
