package io.patchbay.scim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.Ids;

import org.springframework.stereotype.Component;

/**
 * Finds the Users a SCIM filter matches. The SCIM SDK parses the filter and evaluates it
 * on each candidate's document, so every operator and value path means what RFC 7644
 * says; the candidates come from an index when the filter pins an identifier (what
 * identity providers ask: {@code userName eq}, {@code externalId eq},
 * {@code emails[value eq]}, {@code id eq}, alone or in an {@code and}), else from a scan
 * of the directory in pages.
 */
@Component
class UserSearch {

	private static final int SCAN_PAGE = 100;

	private final Members members;

	private final UserDocuments documents;

	UserSearch(Members members, UserDocuments documents) {
		this.members = members;
		this.documents = documents;
	}

	/** The matching documents in id order, and how many there are. */
	List<ObjectNode> matching(Filter filter) throws ScimException {
		List<MemberProfile> candidates = candidates(filter).orElse(null);
		List<ObjectNode> matches = new ArrayList<>();
		if (candidates != null) {
			for (MemberProfile member : candidates) {
				ObjectNode document = this.documents.render(member);
				if (FilterEvaluator.evaluate(filter, document)) {
					matches.add(document);
				}
			}
			return matches;
		}
		for (long offset = 0;; offset += SCAN_PAGE) {
			List<MemberProfile> page = this.members.directory(offset, SCAN_PAGE);
			for (MemberProfile member : page) {
				ObjectNode document = this.documents.render(member);
				if (FilterEvaluator.evaluate(filter, document)) {
					matches.add(document);
				}
			}
			if (page.size() < SCAN_PAGE) {
				return matches;
			}
		}
	}

	/**
	 * The few members the filter can match at most, found by identifier, or empty when
	 * the filter pins none and the directory must be scanned.
	 */
	private Optional<List<MemberProfile>> candidates(Filter filter) {
		return switch (filter.getFilterType()) {
			case EQUAL -> byIdentifier(filter.getAttributePath(), filter.getComparisonValue().asText());
			case COMPLEX_VALUE -> emailValue(filter);
			case AND -> {
				for (Filter part : filter.getCombinedFilters()) {
					Optional<List<MemberProfile>> narrowed = candidates(part);
					if (narrowed.isPresent()) {
						yield narrowed;
					}
				}
				yield Optional.empty();
			}
			case OR -> {
				Map<Long, MemberProfile> union = new LinkedHashMap<>();
				for (Filter part : filter.getCombinedFilters()) {
					Optional<List<MemberProfile>> narrowed = candidates(part);
					if (narrowed.isEmpty()) {
						yield Optional.empty();
					}
					narrowed.get().forEach((member) -> union.put(member.id(), member));
				}
				yield Optional.of(List.copyOf(union.values()));
			}
			default -> Optional.empty();
		};
	}

	/** {@code emails[value eq "x"]}, or with more conditions joined by {@code and}. */
	private Optional<List<MemberProfile>> emailValue(Filter filter) {
		if (!attribute(filter.getAttributePath()).equals("emails")) {
			return Optional.empty();
		}
		Filter inner = filter.getValueFilter();
		List<Filter> parts = (inner.getFilterType() == FilterType.AND) ? inner.getCombinedFilters() : List.of(inner);
		for (Filter part : parts) {
			if (part.getFilterType() == FilterType.EQUAL && attribute(part.getAttributePath()).equals("value")) {
				return Optional.of(this.members.findByEmail(part.getComparisonValue().asText()).stream().toList());
			}
		}
		return Optional.empty();
	}

	private Optional<List<MemberProfile>> byIdentifier(Path path, String value) {
		return switch (attribute(path)) {
			case "username" -> Optional
				.of(this.members.findByEmail(value).or(() -> this.members.findByExternalId(value)).stream().toList());
			case "externalid" -> Optional.of(this.members.findByExternalId(value).stream().toList());
			case "emails.value", "emails" -> Optional.of(this.members.findByEmail(value).stream().toList());
			case "id" -> Optional.of(this.members.findById(Ids.parse(value)).stream().toList());
			default -> Optional.empty();
		};
	}

	/**
	 * The attribute a path names in the core schema, lower case and dotted
	 * ({@code emails.value}); an extension's attribute gets its schema's prefix so it
	 * never matches a core one.
	 */
	static String attribute(Path path) {
		StringBuilder name = new StringBuilder();
		if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(UserDocuments.USER)) {
			name.append(path.getSchemaUrn()).append(':');
		}
		for (int i = 0; i < path.size(); i++) {
			if (path.getElement(i).getValueFilter() != null) {
				return "";
			}
			name.append((i > 0) ? "." : "").append(path.getElement(i).getAttribute());
		}
		return name.toString().toLowerCase(Locale.ROOT);
	}

}
