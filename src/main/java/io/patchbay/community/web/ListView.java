package io.patchbay.community.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.patchbay.platform.KeysetPage;
import org.jspecify.annotations.Nullable;

/**
 * The admin and member APIs' list shape: {@code {"data":[...], "nextCursor"?}}.
 */
record ListView<T>(List<T> data, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String nextCursor) {

	static <S, T> ListView<T> of(KeysetPage<S> page, Function<S, T> view) {
		return new ListView<>(page.items().stream().map(view).toList(),
				(page.nextCursor() != null) ? String.valueOf(page.nextCursor()) : null);
	}

	static <S, T> ListView<T> of(List<S> items, Function<S, T> view) {
		return new ListView<>(items.stream().map(view).toList(), null);
	}

}
