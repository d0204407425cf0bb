package io.patchbay.community;

import io.patchbay.integrations.IntegrationDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes what a deleted integration's page wrote (posts, comments, likes) in the
 * deleting transaction, so that the integration and its content go together or not at
 * all. Each deletion raises its own event, so subscribers see the posts disappear.
 */
@Component
class PageContentRemoval {

	private final Posts posts;

	private final Comments comments;

	private final Likes likes;

	PageContentRemoval(Posts posts, Comments comments, Likes likes) {
		this.posts = posts;
		this.comments = comments;
		this.likes = likes;
	}

	@EventListener
	void on(IntegrationDeleted deleted) {
		for (long postId : this.posts.idsByAuthor(deleted.pageId(), AuthorType.PAGE)) {
			this.posts.delete(this.posts.find(postId));
		}
		// Newest first, so that replies go before the comments they answer; a comment on
		// one of the page's own posts is already gone with it.
		for (long commentId : this.comments.idsByAuthor(deleted.pageId(), AuthorType.PAGE)) {
			this.comments.findById(commentId).ifPresent(this.comments::delete);
		}
		this.likes.deleteByAuthor(deleted.pageId());
	}

}
