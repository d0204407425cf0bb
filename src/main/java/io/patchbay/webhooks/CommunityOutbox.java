package io.patchbay.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.community.Author;
import io.patchbay.community.CommentCreated;
import io.patchbay.community.CommentDeleted;
import io.patchbay.community.CommentEdited;
import io.patchbay.community.Communities;
import io.patchbay.community.GroupMembershipChanged;
import io.patchbay.community.PostCreated;
import io.patchbay.community.PostDeleted;
import io.patchbay.community.PostEdited;
import io.patchbay.platform.PatchbayProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the community's events into outbox entries for the subscribers of the
 * {@code group} topic (posts, comments, membership — only groups within the integration's
 * group access) and of {@code page} {@code mention} (the bot's page named in
 * {@code @[id]}). Runs inside the transaction that made the change.
 */
@Component
class CommunityOutbox {

	private final Subscribers subscribers;

	private final Deliveries deliveries;

	private final Communities communities;

	private final PatchbayProperties properties;

	CommunityOutbox(Subscribers subscribers, Deliveries deliveries, Communities communities,
			PatchbayProperties properties) {
		this.subscribers = subscribers;
		this.deliveries = deliveries;
		this.communities = communities;
		this.properties = properties;
	}

	@EventListener
	void on(PostCreated post) {
		post("add", post.postId(), post.groupId(), post.author(), post.message(), post.createdTime(),
				post.createdTime());
		mentions("post", post.postId(), post.groupId(), null, post.author(), post.message(), post.mentionedIds(),
				post.createdTime());
	}

	@EventListener
	void on(PostEdited post) {
		post("edit", post.postId(), post.groupId(), post.author(), post.message(), post.createdTime(),
				post.editedTime());
	}

	@EventListener
	void on(PostDeleted post) {
		post("delete", post.postId(), post.groupId(), post.author(), post.message(), post.createdTime(),
				post.deletedTime());
	}

	@EventListener
	void on(CommentCreated comment) {
		comment("add", comment.commentId(), comment.postId(), comment.groupId(), comment.parentId(), comment.author(),
				comment.message(), comment.createdTime(), comment.createdTime());
		mentions("comment", comment.postId(), comment.groupId(), comment.commentId(), comment.author(),
				comment.message(), comment.mentionedIds(), comment.createdTime());
	}

	@EventListener
	void on(CommentEdited comment) {
		comment("edit", comment.commentId(), comment.postId(), comment.groupId(), comment.parentId(), comment.author(),
				comment.message(), comment.createdTime(), comment.editedTime());
	}

	@EventListener
	void on(CommentDeleted comment) {
		comment("delete", comment.commentId(), comment.postId(), comment.groupId(), comment.parentId(),
				comment.author(), comment.message(), comment.createdTime(), comment.deletedTime());
	}

	@EventListener
	void on(GroupMembershipChanged change) {
		List<Subscriber> targets = reaching(change.groupId(), "membership");
		if (targets.isEmpty()) {
			return;
		}
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("verb", change.added() ? "add" : "remove");
		value.put("member_id", String.valueOf(change.memberId()));
		value.put("community", community());
		enqueue(targets, "membership", change.groupId(),
				ChangeEntries.entry(change.groupId(), change.occurredAt(), "membership", value));
	}

	private void post(String verb, long postId, long groupId, Author author, String message, Instant created,
			Instant at) {
		List<Subscriber> targets = reaching(groupId, "posts");
		if (targets.isEmpty()) {
			return;
		}
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("verb", verb);
		value.put("post_id", ChangeEntries.postId(groupId, postId));
		value.put("created_time", ChangeEntries.time(created));
		value.put("from", ChangeEntries.from(author));
		value.put("message", message);
		value.put("target_type", "group");
		value.put("community", community());
		value.put("permalink_url", this.properties.baseUrl() + "/groups/" + groupId + "/posts/" + postId);
		enqueue(targets, "posts", groupId, ChangeEntries.entry(groupId, at, "posts", value));
	}

	private void comment(String verb, long commentId, long postId, long groupId, @Nullable Long parentId, Author author,
			String message, Instant created, Instant at) {
		List<Subscriber> targets = reaching(groupId, "comments");
		if (targets.isEmpty()) {
			return;
		}
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("verb", verb);
		value.put("comment_id", String.valueOf(commentId));
		value.put("post_id", ChangeEntries.postId(groupId, postId));
		value.put("parent_id", (parentId != null) ? String.valueOf(parentId) : ChangeEntries.postId(groupId, postId));
		value.put("created_time", ChangeEntries.time(created));
		value.put("from", ChangeEntries.from(author));
		value.put("message", message);
		value.put("community", community());
		enqueue(targets, "comments", groupId, ChangeEntries.entry(groupId, at, "comments", value));
	}

	private void mentions(String item, long postId, long groupId, @Nullable Long commentId, Author author,
			String message, List<Long> mentionedIds, Instant at) {
		if (mentionedIds.isEmpty()) {
			return;
		}
		for (Subscriber subscriber : this.subscribers.of(Topic.PAGE, "mention")) {
			long pageId = subscriber.integration().pageId();
			if (!mentionedIds.contains(pageId) || author.id() == pageId) {
				continue;
			}
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("item", item);
			value.put("post_id", ChangeEntries.postId(groupId, postId));
			if (commentId != null) {
				value.put("comment_id", String.valueOf(commentId));
			}
			value.put("message", message);
			value.put("message_tags",
					mentionedIds.stream().map((id) -> Map.of("id", String.valueOf(id), "type", "user")).toList());
			value.put("from", ChangeEntries.from(author));
			value.put("created_time", ChangeEntries.time(at));
			// Not about the group: a bot hears its mentions wherever they are.
			this.deliveries.enqueue(subscriber, "mention", null, ChangeEntries.entry(pageId, at, "mention", value));
		}
	}

	/** Checked before building an entry: most changes have no subscriber at all. */
	private List<Subscriber> reaching(long groupId, String field) {
		return this.subscribers.of(Topic.GROUP, field)
			.stream()
			.filter((subscriber) -> subscriber.reachesGroup(groupId))
			.toList();
	}

	private void enqueue(List<Subscriber> targets, String field, long groupId, Map<String, Object> entry) {
		this.deliveries.enqueue(targets, field, groupId, entry);
	}

	private Map<String, Object> community() {
		return Map.of("id", String.valueOf(this.communities.current().id()));
	}

}
