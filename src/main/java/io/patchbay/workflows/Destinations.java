package io.patchbay.workflows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.ThreadKind;
import io.patchbay.chat.Threads;
import io.patchbay.community.Groups;
import io.patchbay.connections.Connections;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * Checks, when a workflow is saved, that what its steps name exists and may be reached by
 * it: a channel its creator is in (any group chat for an administrator's workflow), an
 * active member, a group it may post in, a connection whose allowed domain covers the
 * URL. The rules are the chat, community and connections modules' own, asked as the
 * workflow.
 */
@Component
class Destinations {

	private final Threads threads;

	private final Members members;

	private final Groups groups;

	private final Connections connections;

	Destinations(Threads threads, Members members, Groups groups, Connections connections) {
		this.threads = threads;
		this.members = members;
		this.groups = groups;
		this.connections = connections;
	}

	/** Checks the steps; answers the connections they use, by name in lower case. */
	Set<String> check(Actor.Workflow workflow, Definition definition) {
		if (!definition.trigger().webhook() && definition.trigger().threadId() != null) {
			channel(workflow, "trigger.threadId", definition.trigger().threadId());
		}
		List<Step> steps = definition.steps();
		Set<String> used = new LinkedHashSet<>();
		for (int i = 0; i < steps.size(); i++) {
			String field = "steps[" + i + "]";
			switch (steps.get(i)) {
				case Step.SendMessage send when Template.soleReference(send.threadId()) == null ->
					channel(workflow, field + ".threadId", send.threadId());
				case Step.DirectMessage direct when Template.soleReference(direct.memberId()) == null ->
					member(field + ".memberId", direct.memberId());
				case Step.GroupPost post -> group(workflow, field + ".groupId", post.groupId());
				case Step.ApiCall call -> {
					try {
						used.add(this.connections.checkStep(call.connection(), call.url()).toLowerCase(Locale.ROOT));
					}
					catch (InvalidInputException ex) {
						throw new InvalidInputException(field + "." + ex.field(), ex.getMessage());
					}
				}
				default -> {
					// A destination given by a variable is checked when a run brings it.
				}
			}
		}
		return used;
	}

	/**
	 * The channel ({@code t_…}) if it is a group chat the workflow may write in: the chat
	 * module's rules, asked as the workflow; empty whether it does not exist or may not
	 * be reached.
	 */
	Optional<String> channel(Actor.Workflow workflow, String threadId) {
		long id;
		try {
			id = ChatThread.parseApiId(threadId.strip());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
		return this.threads.findReadable(workflow, id)
			.filter((thread) -> thread.kind() == ThreadKind.GROUP)
			.map((thread) -> ChatThread.apiId(thread.id()));
	}

	private void channel(Actor.Workflow workflow, String field, String threadId) {
		if (channel(workflow, threadId).isPresent()) {
			return;
		}
		throw new InvalidInputException(field, workflow.administrative() ? "No group chat has the id " + threadId
				: "No group chat " + threadId + " has the workflow's creator among its participants");
	}

	private void member(String field, String memberId) {
		if (this.members.findById(Ids.parse(memberId)).filter(MemberProfile::active).isEmpty()) {
			throw new InvalidInputException(field, "No active member has the id " + memberId);
		}
	}

	private void group(Actor.Workflow workflow, String field, String groupId) {
		try {
			this.groups.find(workflow, Ids.parse(groupId));
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException(field, "No group " + groupId + " that the workflow may post in");
		}
	}

}
