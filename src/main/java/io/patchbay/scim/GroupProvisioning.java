package io.patchbay.scim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.patchbay.accounts.Actor;
import io.patchbay.community.Group;
import io.patchbay.community.GroupMember;
import io.patchbay.community.Groups;
import io.patchbay.community.Privacy;
import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import io.patchbay.scim.GroupDocuments.GroupWrite;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM's reads and writes of Groups through the community module, as the integration's
 * page: its {@code manage_group} permission and group access apply. Groups an identity
 * provider creates are closed (members see them; others find them only when invited), a
 * privacy an administrator may change later. Each write is one transaction.
 */
@Component
@Transactional(rollbackFor = ScimException.class)
class GroupProvisioning {

	private final Groups groups;

	private final GroupDocuments documents;

	GroupProvisioning(Groups groups, GroupDocuments documents) {
		this.groups = groups;
		this.documents = documents;
	}

	ObjectNode create(ScimCaller caller, ObjectNode document) throws ScimException {
		GroupWrite write = this.documents.read(document);
		Group group = this.groups.create(caller.actor(), write.displayName(), null, Privacy.CLOSED);
		if (!write.memberIds().isEmpty()) {
			this.groups.addMembers(caller.actor(), group.id(), write.memberIds());
		}
		return full(caller.actor(), group.id());
	}

	ObjectNode replace(ScimCaller caller, String id, @Nullable String ifMatch, ObjectNode document)
			throws ScimException {
		ObjectNode current = current(caller, id, ifMatch);
		return write(caller.actor(), current, this.documents.read(document));
	}

	ObjectNode patch(ScimCaller caller, String id, @Nullable String ifMatch, ObjectNode request) throws ScimException {
		ObjectNode current = current(caller, id, ifMatch);
		ObjectNode patched = PatchOperations.apply(current, request);
		return write(caller.actor(), current, this.documents.read(patched));
	}

	/** The group's full document, after the {@code If-Match} precondition. */
	@Transactional(readOnly = true)
	ObjectNode current(ScimCaller caller, String id, @Nullable String ifMatch) throws ScimException {
		long groupId = Ids.parse(id);
		if (groupId <= 0) {
			throw new ResourceNotFoundException("Group " + id + " not found");
		}
		ObjectNode document = full(caller.actor(), groupId);
		if (ifMatch != null && !ifMatch.isBlank()
				&& !UserProvisioning.matches(ifMatch, document.path("meta").path("version").asText())) {
			throw new PreconditionFailedException("The Group has changed since version " + ifMatch.strip());
		}
		return document;
	}

	/** The groups the page reaches, in creation order, without their members. */
	@Transactional(readOnly = true)
	List<Group> all(ScimCaller caller) {
		List<Group> all = new ArrayList<>();
		Long after = null;
		do {
			KeysetPage<Group> page = this.groups.list(caller.actor(), PageRequest.after(after, PageRequest.MAX_LIMIT));
			all.addAll(page.items());
			after = page.nextCursor();
		}
		while (after != null);
		return all;
	}

	@Transactional(readOnly = true)
	ObjectNode full(Actor actor, long groupId) {
		Group group = this.groups.find(actor, groupId);
		return this.documents.render(group, memberIds(actor, groupId));
	}

	private ObjectNode write(Actor actor, ObjectNode current, GroupWrite write) {
		long groupId = Long.parseLong(current.get("id").asText());
		if (!write.displayName().equals(current.get("displayName").asText())) {
			this.groups.update(actor, groupId, write.displayName(), null, null);
		}
		Set<Long> before = new HashSet<>();
		current.path("members").forEach((member) -> before.add(Long.parseLong(member.get("value").asText())));
		List<Long> added = write.memberIds().stream().filter((id) -> !before.contains(id)).toList();
		if (!added.isEmpty()) {
			this.groups.addMembers(actor, groupId, added);
		}
		Set<Long> wanted = new HashSet<>(write.memberIds());
		for (long id : before) {
			if (!wanted.contains(id)) {
				this.groups.removeMember(actor, groupId, id);
			}
		}
		return full(actor, groupId);
	}

	private List<Long> memberIds(Actor actor, long groupId) {
		List<Long> ids = new ArrayList<>();
		Long after = null;
		do {
			KeysetPage<GroupMember> page = this.groups.members(actor, groupId,
					PageRequest.after(after, PageRequest.MAX_LIMIT));
			page.items().forEach((member) -> ids.add(member.memberId()));
			after = page.nextCursor();
		}
		while (after != null);
		return ids;
	}

}
