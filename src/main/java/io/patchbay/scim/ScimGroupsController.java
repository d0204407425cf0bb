package io.patchbay.scim;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.MethodNotAllowedException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import io.patchbay.community.Group;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /scim/v2/Groups}: list and filter, create, read, replace and patch (members
 * added and removed). Lists leave the members out unless asked for them or filtering on
 * them. Groups are not deleted through SCIM: their posts and comments are the
 * community's.
 */
@RestController
@RequestMapping(ScimConfiguration.BASE + "/Groups")
class ScimGroupsController {

	private final GroupProvisioning provisioning;

	private final GroupDocuments documents;

	ScimGroupsController(GroupProvisioning provisioning, GroupDocuments documents) {
		this.provisioning = provisioning;
		this.documents = documents;
	}

	@GetMapping
	ResponseEntity<byte[]> list(ScimCaller caller, ListQuery query) throws ScimException {
		Paging paging = query.paging();
		Projection projection = query.projection();
		Filter parsed = query.parsedFilter();
		boolean withMembers = (query.attributes() != null && projection.returns("members"))
				|| (parsed != null && namesMembers(parsed));
		List<ObjectNode> matches = new ArrayList<>();
		for (Group group : this.provisioning.all(caller)) {
			ObjectNode document = withMembers ? this.provisioning.full(caller.actor(), group.id())
					: this.documents.render(group, null);
			if (parsed == null || FilterEvaluator.evaluate(parsed, document)) {
				matches.add(document);
			}
		}
		return ScimJson.list(matches.size(), paging.of(matches), paging, projection);
	}

	/** Whether any part of the filter is about the members. */
	private static boolean namesMembers(Filter filter) {
		if (filter.isCombiningFilter()) {
			return filter.getCombinedFilters().stream().anyMatch(ScimGroupsController::namesMembers);
		}
		if (filter.isNotFilter()) {
			return namesMembers(filter.getInvertedFilter());
		}
		return filter.getAttributePath().size() > 0
				&& filter.getAttributePath().getElement(0).getAttribute().equalsIgnoreCase("members");
	}

	@PostMapping
	ResponseEntity<byte[]> create(ScimCaller caller, HttpServletRequest request) throws ScimException {
		return ScimJson.resource(HttpStatus.CREATED, this.provisioning.create(caller, ScimJson.read(request)), request);
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> one(ScimCaller caller, @PathVariable String id, HttpServletRequest request)
			throws ScimException {
		return ScimJson.resource(HttpStatus.OK, this.provisioning.current(caller, id, null), request);
	}

	@PutMapping("/{id}")
	ResponseEntity<byte[]> replace(ScimCaller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, HttpServletRequest request)
			throws ScimException {
		return ScimJson.resource(HttpStatus.OK, this.provisioning.replace(caller, id, ifMatch, ScimJson.read(request)),
				request);
	}

	@PatchMapping("/{id}")
	ResponseEntity<byte[]> patch(ScimCaller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, HttpServletRequest request)
			throws ScimException {
		return ScimJson.resource(HttpStatus.OK, this.provisioning.patch(caller, id, ifMatch, ScimJson.read(request)),
				request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<byte[]> delete(ScimCaller caller, @PathVariable String id) throws ScimException {
		throw new MethodNotAllowedException(
				"Groups are not deleted through SCIM: their posts stay with the community. Remove the members instead.");
	}

}
