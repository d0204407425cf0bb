package io.patchbay.community.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.AdminApi;
import io.patchbay.accounts.Actor;
import io.patchbay.accounts.AdminPermission;
import io.patchbay.community.Author;
import io.patchbay.community.CommentCreated;
import io.patchbay.community.Comments;
import io.patchbay.community.Communities;
import io.patchbay.community.Community;
import io.patchbay.community.Formatting;
import io.patchbay.community.Groups;
import io.patchbay.community.Post;
import io.patchbay.community.PostCreated;
import io.patchbay.community.Posts;
import io.patchbay.integrations.GroupAccess;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Groups, posts, comments and likes through the groups admin API and the member API, with
 * group privacy, mentions, and the removal of a deleted integration's content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@RecordApplicationEvents
class CommunityApiIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	RestTestClient anonymous;

	@Autowired
	Groups groups;

	@Autowired
	Communities communities;

	@Autowired
	Posts posts;

	@Autowired
	Comments comments;

	@Autowired
	ApplicationEvents events;

	RestTestClient admin;

	@BeforeEach
	void signIn() {
		this.admin = AdminApi.asAdministrator(this.anonymous);
	}

	@Test
	@SuppressWarnings("unchecked")
	void membersPostCommentReplyAndLikeInTheirGroups() {
		Member ada = member("Ada");
		Member bob = member("Bob");
		String group = group("Engineering " + unique(), "CLOSED");
		addMembers(group, ada.id(), bob.id());

		Map<String, Object> post = ada.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Welcome @[" + bob.id() + "]! **Release** on Friday", "formatting", "MARKDOWN"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(post).containsEntry("groupId", group)
			.containsEntry("formatting", "MARKDOWN")
			.containsEntry("mentions", List.of(bob.id()));
		assertThat((Map<String, Object>) post.get("from")).containsEntry("id", ada.id())
			.containsEntry("type", "MEMBER");
		assertThat((String) post.get("createdTime")).endsWith("Z");

		Map<String, Object> comment = comment(bob, "/api/v1/posts/{id}/comments", (String) post.get("id"),
				"Great news");
		Map<String, Object> reply = comment(ada, "/api/v1/comments/{id}/comments", (String) comment.get("id"),
				"Thanks @[" + bob.id() + "]");
		assertThat(reply).containsEntry("parentId", comment.get("id")).containsEntry("postId", post.get("id"));
		bob.client().post().uri("/api/v1/objects/{id}/likes", post.get("id")).exchange().expectStatus().isNoContent();
		bob.client().post().uri("/api/v1/objects/{id}/likes", post.get("id")).exchange().expectStatus().isNoContent();

		ada.client()
			.get()
			.uri("/api/v1/groups/{id}/feed", group)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(post.get("id"))
			.jsonPath("$.data[0].commentCount")
			.isEqualTo(2)
			.jsonPath("$.data[0].likeCount")
			.isEqualTo(1)
			.jsonPath("$.nextCursor")
			.doesNotExist();
		bob.client()
			.get()
			.uri("/api/v1/posts/{id}/comments", post.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(1)
			.jsonPath("$.data[0].replyCount")
			.isEqualTo(1);
	}

	@Test
	void membersDeleteOnlyWhatTheyWrote() {
		Member ada = member("Author");
		Member bob = member("Bystander");
		String group = group("Deletions " + unique(), "OPEN");
		addMembers(group, ada.id(), bob.id());
		String post = (String) ada.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Mine"))
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		String comment = (String) comment(bob, "/api/v1/posts/{id}/comments", post, "His").get("id");
		ada.client().delete().uri("/api/v1/comments/{id}", comment).exchange().expectStatus().isForbidden();
		bob.client().delete().uri("/api/v1/posts/{id}", post).exchange().expectStatus().isForbidden();
		bob.client().delete().uri("/api/v1/comments/{id}", comment).exchange().expectStatus().isNoContent();
		ada.client().delete().uri("/api/v1/posts/{id}", post).exchange().expectStatus().isNoContent();
		ada.client().delete().uri("/api/v1/posts/{id}", post).exchange().expectStatus().isNotFound();
	}

	@Test
	void onlyMembersWriteInAGroupAndAnyoneJoinsAnOpenOne() {
		Member author = member("Author");
		Member visitor = member("Visitor");
		String open = group("Open house " + unique(), "OPEN");
		String closed = group("Back office " + unique(), "CLOSED");
		addMembers(open, author.id());
		addMembers(closed, author.id(), visitor.id());
		String post = (String) author.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", open)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Hello"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");

		// A non-member reads an open group but does not write in it.
		visitor.client().get().uri("/api/v1/groups/{id}/feed", open).exchange().expectStatus().isOk();
		visitor.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", open)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Drive-by"))
			.exchange()
			.expectStatus()
			.isForbidden();
		visitor.client()
			.post()
			.uri("/api/v1/posts/{id}/comments", post)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Drive-by"))
			.exchange()
			.expectStatus()
			.isForbidden();
		visitor.client().post().uri("/api/v1/objects/{id}/likes", post).exchange().expectStatus().isForbidden();

		// Joining an open group lets them; a closed group is joined by invitation only.
		visitor.client().post().uri("/api/v1/groups/{id}/membership", open).exchange().expectStatus().isNoContent();
		comment(visitor, "/api/v1/posts/{id}/comments", post, "Now I belong");
		visitor.client().delete().uri("/api/v1/groups/{id}/membership", closed).exchange().expectStatus().isNoContent();
		visitor.client().post().uri("/api/v1/groups/{id}/membership", closed).exchange().expectStatus().isNotFound();
		assertThat(groupIds(visitor)).contains(open).doesNotContain(closed);
	}

	@Test
	@SuppressWarnings("unchecked")
	void feedsAreNewestFirstWithKeysetPaging() {
		Member ada = member("Pager");
		String group = group("Open " + unique(), "OPEN");
		addMembers(group, ada.id());
		for (int i = 0; i < 3; i++) {
			ada.client()
				.post()
				.uri("/api/v1/groups/{id}/posts", group)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("message", "Post " + i))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		Map<String, Object> first = ada.client()
			.get()
			.uri("/api/v1/groups/{id}/feed?limit=2", group)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<Object>) first.get("data")).map((post) -> (Object) ((Map<?, ?>) post).get("message"))
			.containsExactly("Post 2", "Post 1");
		ada.client()
			.get()
			.uri("/api/v1/groups/{id}/feed?limit=2&after={cursor}", group, first.get("nextCursor"))
			.exchange()
			.expectBody()
			.jsonPath("$.data[*].message")
			.isEqualTo(List.of("Post 0"))
			.jsonPath("$.nextCursor")
			.doesNotExist();
		ada.client()
			.get()
			.uri("/api/v1/groups/{id}/feed?since=2100-01-01T00:00:00Z", group)
			.exchange()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(0);
	}

	@Test
	void closedAndSecretGroupsAreVisibleOnlyToTheirMembers() {
		Member insider = member("Insider");
		Member outsider = member("Outsider");
		String secret = group("Secret " + unique(), "SECRET");
		String open = group("Everyone " + unique(), "OPEN");
		addMembers(secret, insider.id());

		assertThat(groupIds(insider)).contains(secret, open);
		assertThat(groupIds(outsider)).contains(open).doesNotContain(secret);
		outsider.client().get().uri("/api/v1/groups/{id}/feed", secret).exchange().expectStatus().isNotFound();
		outsider.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Let me in"))
			.exchange()
			.expectStatus()
			.isNotFound();
		String postId = (String) insider.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", secret)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Between us"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		outsider.client()
			.post()
			.uri("/api/v1/posts/{id}/comments", postId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Peeking"))
			.exchange()
			.expectStatus()
			.isNotFound();
		outsider.client().post().uri("/api/v1/objects/{id}/likes", postId).exchange().expectStatus().isNotFound();
		this.anonymous.get().uri("/api/v1/groups").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void refusesBadInputWithProblemDetailsNamingTheField() {
		Member ada = member("Careless");
		String group = group("Checks " + unique(), "OPEN");
		addMembers(group, ada.id());
		expectProblem(ada.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "   "))
			.exchange(), 400, "message");
		expectProblem(ada.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Hi", "formatting", "HTML"))
			.exchange(), 400, "formatting");
		expectProblem(this.admin.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "No privacy"))
			.exchange(), 400, "privacy");
		expectProblem(this.admin.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "", "privacy", "OPEN"))
			.exchange(), 400, "name");
		expectProblem(this.admin.post()
			.uri("/api/admin/groups/{id}/members", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of("100000000000001")))
			.exchange(), 400, "memberIds");
		this.admin.post()
			.uri("/api/admin/groups/424242/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of(ada.id())))
			.exchange()
			.expectStatus()
			.isNotFound();
		ada.client().get().uri("/api/v1/groups/424242/feed").exchange().expectStatus().isNotFound();
		ada.client().get().uri("/api/admin/groups").exchange().expectStatus().isForbidden();
	}

	@Test
	void postsAndCommentsPublishEventsWithMentionsAndMembershipChanges() {
		Member ada = member("Eventful");
		String group = group("Events " + unique(), "OPEN");
		addMembers(group, ada.id());
		Author page = Author.page(100000000000042L, "Helpdesk bot");
		Post post = this.posts.create(page(100000000000042L, "Helpdesk bot"), Long.parseLong(group),
				"Ping @[" + ada.id() + "]", Formatting.PLAINTEXT, null);
		this.comments.create(new Actor.Member(Long.parseLong(ada.id()), "Eventful"), post.id(),
				"Pong @[100000000000042]");
		assertThat(this.events.stream(PostCreated.class)).singleElement().satisfies((created) -> {
			assertThat(created.postId()).isEqualTo(post.id());
			assertThat(created.author()).isEqualTo(page);
			assertThat(created.mentionedIds()).containsExactly(Long.parseLong(ada.id()));
		});
		assertThat(this.events.stream(CommentCreated.class)).singleElement()
			.satisfies((created) -> assertThat(created.mentionedIds()).containsExactly(100000000000042L));
	}

	@Test
	void thereIsExactlyOneCommunity() {
		Community community = this.communities.current();
		assertThat(this.communities.current()).isEqualTo(community);
		assertThat(community.id()).isPositive();
	}

	@Test
	void deletingAnIntegrationRemovesWhatItsPageWrote() {
		Member ada = member("Survivor");
		String group = group("Bots " + unique(), "OPEN");
		addMembers(group, ada.id());
		Map<String, Object> integration = this.admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Doomed bot " + unique(), "kind", "BOT"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		Actor.Page page = page(Long.parseLong((String) integration.get("pageId")), (String) integration.get("name"));
		Post botPost = this.posts.create(page, Long.parseLong(group), "I was here", Formatting.PLAINTEXT, null);
		String memberPost = (String) ada.client()
			.post()
			.uri("/api/v1/groups/{id}/posts", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Still here"))
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		long botComment = this.comments.create(page, Long.parseLong(memberPost), "Bot comment").id();

		this.admin.delete()
			.uri("/api/admin/integrations/{id}", integration.get("id"))
			.exchange()
			.expectStatus()
			.isNoContent();
		Actor.Administrator administrator = new Actor.Administrator(1, "Auditor", Set.of(AdminPermission.values()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.posts.find(administrator, botPost.id()));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> this.comments.find(administrator, botComment));
		ada.client()
			.get()
			.uri("/api/v1/groups/{id}/feed", group)
			.exchange()
			.expectBody()
			.jsonPath("$.data[*].id")
			.isEqualTo(List.of(memberPost))
			.jsonPath("$.data[0].commentCount")
			.isEqualTo(0);
	}

	record Member(String id, RestTestClient client) {
	}

	Member member(String name) {
		String email = name.toLowerCase() + "-" + unique() + "@example.com";
		String password = "long-enough-password-" + unique();
		String id = (String) this.admin.post()
			.uri("/api/admin/members")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("email", email, "name", name, "password", password))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		return new Member(id,
				this.anonymous.mutate().defaultHeaders((headers) -> headers.setBasicAuth(email, password)).build());
	}

	String group(String name, String privacy) {
		return (String) this.admin.post()
			.uri("/api/admin/groups")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", name, "description", "For tests", "privacy", privacy))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	void addMembers(String group, String... memberIds) {
		this.admin.post()
			.uri("/api/admin/groups/{id}/members", group)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("memberIds", List.of(memberIds)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.memberCount")
			.isEqualTo(memberIds.length);
	}

	private List<Object> groupIds(Member member) {
		return ((List<?>) member.client()
			.get()
			.uri("/api/v1/groups")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody()
			.get("data")).stream().map((group) -> (Object) ((Map<?, ?>) group).get("id")).toList();
	}

	private Map<String, Object> comment(Member member, String uri, String id, String message) {
		return member.client()
			.post()
			.uri(uri, id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", message))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

	private static void expectProblem(RestTestClient.ResponseSpec response, int status, String field) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field);
	}

	/**
	 * An integration's page that may write in every group, as the Graph API would call.
	 */
	private static Actor.Page page(long pageId, String name) {
		return new Actor.Page(pageId, pageId, name, Set.of(Permission.WRITE_GROUP, Permission.READ_GROUP),
				GroupAccess.ALL);
	}

	private static String unique() {
		return String.valueOf(System.nanoTime());
	}

}
