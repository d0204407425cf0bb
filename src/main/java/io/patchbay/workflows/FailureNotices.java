package io.patchbay.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.chat.MessageContent;
import io.patchbay.chat.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a workflow's creator in chat that its runs fail, in their language: at most once
 * per {@code failure-notice-interval} (an hour) per workflow, whichever node sees the
 * failure first taking the notice in the database.
 */
@Component
class FailureNotices {

	private static final Logger log = LoggerFactory.getLogger(FailureNotices.class);

	private final WorkflowRepository workflows;

	private final Messages messages;

	private final Members members;

	private final MessageSource texts;

	private final TransactionTemplate transactions;

	private final WorkflowProperties properties;

	private final Clock clock;

	FailureNotices(WorkflowRepository workflows, Messages messages, Members members, MessageSource texts,
			TransactionTemplate transactions, WorkflowProperties properties, Clock clock) {
		this.workflows = workflows;
		this.messages = messages;
		this.members = members;
		this.texts = texts;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	void failed(Workflow workflow, StepResult failure) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				Instant now = this.clock.instant();
				if (!this.workflows.takeFailureNotice(workflow.id(), now,
						now.minus(this.properties.failureNoticeInterval()))) {
					return;
				}
				MemberProfile creator = this.members.findById(workflow.creatorId()).orElse(null);
				if (creator == null || !creator.active()) {
					return;
				}
				Locale locale = (creator.locale() != null) ? Locale.forLanguageTag(creator.locale().replace('_', '-'))
						: Locale.ENGLISH;
				String text = this.texts.getMessage("workflows.notice.failed",
						new Object[] { workflow.name(), failure.step(), failure.error() }, locale);
				this.messages.sendToMember(workflow.actor(), creator.id(), MessageContent.text(text));
			});
		}
		catch (RuntimeException ex) {
			// The run's failure is recorded; a notice that cannot be sent must not hide
			// it.
			log.warn("Could not tell the creator of workflow {} that a run failed: {}", workflow.id(), ex.toString());
		}
	}

}
