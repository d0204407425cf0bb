package io.patchbay.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a list request (RFC 7644 section 3.4.2), bound from the query string
 * of {@code GET /Users} and {@code GET /Groups}, or read from a {@code .search} body.
 */
record ListQuery(@Nullable String filter, @Nullable String startIndex, @Nullable String count,
		@Nullable String attributes, @Nullable String excludedAttributes) {

	/** The parsed filter; {@code null} when none is given. 400 {@code invalidFilter}. */
	@Nullable Filter parsedFilter() throws ScimException {
		return (this.filter == null || this.filter.isBlank()) ? null : Filter.fromString(this.filter);
	}

	Paging paging() throws ScimException {
		return Paging.of(this.startIndex, this.count);
	}

	Projection projection() throws ScimException {
		return Projection.of(this.attributes, this.excludedAttributes);
	}

}
