package io.patchbay.workflows;

import java.util.List;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.Participant;
import io.patchbay.chat.ThreadChanged;
import io.patchbay.chat.ThreadKind;
import io.patchbay.chat.Threads;
import io.patchbay.platform.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The triggers that live in a channel: shortcuts, which its participants start from the
 * channel's menu, and "a member joins", started for each member added to it. Both give
 * the steps {@code {{member}}} and {@code {{channel}}}. A join's runs are queued in the
 * transaction that adds the member, so a committed join always has them.
 */
@Service
@Transactional
public class ChannelTriggers {

	private final WorkflowRepository workflows;

	private final RunQueue queue;

	private final Threads threads;

	ChannelTriggers(WorkflowRepository workflows, RunQueue queue, Threads threads) {
		this.workflows = workflows;
		this.queue = queue;
		this.threads = threads;
	}

	/** The published shortcuts of a channel the member is in. */
	@Transactional(readOnly = true)
	public List<Workflow> shortcuts(Actor.Member member, long threadId) {
		ChatThread thread = this.threads.find(member, threadId);
		return this.workflows.publishedFor(Trigger.SHORTCUT, ChatThread.apiId(thread.id()));
	}

	/** The member starts a shortcut of a channel they are in. */
	public Run start(Actor.Member member, long workflowId, long threadId) {
		ChatThread thread = this.threads.find(member, threadId);
		String channel = ChatThread.apiId(thread.id());
		Workflow workflow = this.workflows.find(workflowId)
			.filter((found) -> found.published() && Trigger.SHORTCUT.equals(found.definition().trigger().type())
					&& channel.equals(found.definition().trigger().threadId()))
			.orElseThrow(() -> new NotFoundException("Shortcut", String.valueOf(workflowId)));
		return this.queue.enqueue(workflow, Run.SHORTCUT,
				Map.of("member", String.valueOf(member.id()), "channel", channel), null);
	}

	@EventListener
	void joined(ThreadChanged changed) {
		List<Participant> members = changed.joined().stream().filter(Participant::isMember).toList();
		if (changed.thread().kind() != ThreadKind.GROUP || members.isEmpty()) {
			return;
		}
		String channel = ChatThread.apiId(changed.thread().id());
		for (Workflow workflow : this.workflows.publishedFor(Trigger.MEMBER_JOINED, channel)) {
			for (Participant member : members) {
				this.queue.enqueue(workflow, Run.MEMBER_JOINED,
						Map.of("member", String.valueOf(member.id()), "channel", channel), null);
			}
		}
	}

}
