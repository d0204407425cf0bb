package io.patchbay.scim;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
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
 * {@code /scim/v2/Users}: list and filter, create, read, replace, patch, and delete
 * (which deactivates: the member's content stays).
 */
@RestController
@RequestMapping(ScimConfiguration.BASE + "/Users")
class ScimUsersController {

	private final Members members;

	private final UserDocuments documents;

	private final UserSearch search;

	private final UserProvisioning provisioning;

	ScimUsersController(Members members, UserDocuments documents, UserSearch search, UserProvisioning provisioning) {
		this.members = members;
		this.documents = documents;
		this.search = search;
		this.provisioning = provisioning;
	}

	@GetMapping
	ResponseEntity<byte[]> list(ScimCaller caller, ListQuery query) throws ScimException {
		Paging paging = query.paging();
		Projection projection = query.projection();
		List<ObjectNode> page;
		long total;
		Filter filter = query.parsedFilter();
		if (filter == null) {
			total = this.members.count();
			page = this.members.directory(paging.offset(), paging.count())
				.stream()
				.map(this.documents::render)
				.toList();
		}
		else {
			List<ObjectNode> matches = this.search.matching(filter);
			total = matches.size();
			page = paging.of(matches);
		}
		return ScimJson.list(total, page, paging, projection);
	}

	@PostMapping("/.search")
	ResponseEntity<byte[]> search(ScimCaller caller, HttpServletRequest request) throws ScimException {
		ObjectNode body = ScimJson.read(request);
		return list(caller, new ListQuery(text(body, "filter"), text(body, "startIndex"), text(body, "count"),
				list(body, "attributes"), list(body, "excludedAttributes")));
	}

	@PostMapping
	ResponseEntity<byte[]> create(ScimCaller caller, HttpServletRequest request) throws ScimException {
		MemberProfile created = this.provisioning.create(caller, ScimJson.read(request));
		return answer(HttpStatus.CREATED, created, request);
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> one(ScimCaller caller, @PathVariable String id, HttpServletRequest request)
			throws ScimException {
		return answer(HttpStatus.OK, this.provisioning.current(id, null), request);
	}

	@PutMapping("/{id}")
	ResponseEntity<byte[]> replace(ScimCaller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, HttpServletRequest request)
			throws ScimException {
		return answer(HttpStatus.OK, this.provisioning.replace(caller, id, ifMatch, ScimJson.read(request)), request);
	}

	@PatchMapping("/{id}")
	ResponseEntity<byte[]> patch(ScimCaller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, HttpServletRequest request)
			throws ScimException {
		return answer(HttpStatus.OK, this.provisioning.patch(caller, id, ifMatch, ScimJson.read(request)), request);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(ScimCaller caller, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) throws ScimException {
		this.provisioning.deactivate(caller, id, ifMatch);
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<byte[]> answer(HttpStatus status, MemberProfile member, HttpServletRequest request)
			throws ScimException {
		return ScimJson.resource(status, this.documents.render(member), request);
	}

	private static @Nullable String text(ObjectNode body, String field) throws ScimException {
		var value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isValueNode()) {
			throw BadRequestException.invalidValue(field + " must be a single value");
		}
		return value.asText();
	}

	private static @Nullable String list(ObjectNode body, String field) throws ScimException {
		var value = body.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw BadRequestException.invalidValue(field + " must be an array of attribute names");
		}
		List<String> names = new java.util.ArrayList<>();
		value.forEach((name) -> names.add(name.asText()));
		return String.join(",", names);
	}

}
