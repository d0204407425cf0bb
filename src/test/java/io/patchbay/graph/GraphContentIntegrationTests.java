package io.patchbay.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.Actor;
import io.patchbay.community.Comments;
import io.patchbay.integrations.GroupAccess;
import io.patchbay.integrations.Permission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.patchbay.graph.GraphTestSetup.expectError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Groups, feeds, posts, comments and likes through the Graph API: the integration acts as
 * its page, within its permissions and group access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class GraphContentIntegrationTests {

	@Autowired
	RestTestClient client;

	@Autowired
	Comments comments;

	GraphTestSetup graph;

	String ada;

	String group;

	@BeforeEach
	void setUp() {
		this.graph = new GraphTestSetup(this.client, "CUSTOM");
		this.ada = this.graph.member("Ada", Map.of());
		this.group = this.graph.group("Engineering", "CLOSED", this.ada);
	}

	@Test
	@SuppressWarnings("unchecked")
	void postsCommentsLikesAndReadsTheFeedBackAsItsPage() {
		this.graph.permissions("read_group", "write_group");
		String postId = (String) this.graph
			.json(this.graph.post("/graph/{id}/feed",
					Map.of("message", "Hello @[" + this.ada + "]", "formatting", "MARKDOWN"), this.group))
			.get("id");
		assertThat(postId).startsWith(this.group + "_");
		String commentId = (String) this.graph
			.json(this.graph.post("/graph/{id}/comments", Map.of("message", "First"), postId))
			.get("id");
		String bare = postId.substring(postId.indexOf('_') + 1);
		this.graph.json(this.graph.post("/graph/{id}/comments", Map.of("message", "Reply"), commentId));
		assertThat(this.graph.json(this.graph.post("/graph/{id}/likes", Map.of(), bare))).containsEntry("success",
				true);

		Map<String, Object> feed = this.graph.json(this.graph.getRaw("/graph/" + this.group
				+ "/feed?fields=id,message,formatting,from{id,name},created_time,comments.limit(0).summary(total_count),reactions.summary(total_count)"));
		Map<String, Object> post = ((List<Map<String, Object>>) feed.get("data")).getFirst();
		assertThat(post).containsEntry("id", postId).containsEntry("formatting", "MARKDOWN");
		assertThat((Map<String, Object>) post.get("from")).containsEntry("id", this.graph.pageId);
		assertThat((String) post.get("created_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
		// The total counts replies too, as the post's comment count does in the app.
		assertThat((Map<String, Object>) post.get("comments")).containsEntry("data", List.of())
			.containsEntry("summary", Map.of("total_count", 2));
		assertThat((Map<String, Object>) post.get("reactions")).containsEntry("summary", Map.of("total_count", 1));

		this.graph.get("/graph/{id}", bare).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(postId);
		this.graph.get("/graph/{id}/comments", postId)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(commentId)
			.jsonPath("$.data[0].from.id")
			.isEqualTo(this.graph.pageId);
		this.graph.get("/graph/{id}/comments", commentId)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].message")
			.isEqualTo("Reply");
		this.graph.get("/graph/{id}/reactions", postId)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(this.graph.pageId)
			.jsonPath("$.data[0].type")
			.isEqualTo("LIKE");
		this.graph.json(this.graph.delete("/graph/{id}/likes", postId));

		this.graph.json(this.graph.post("/graph/{id}", Map.of("message", "Edited"), postId));
		this.graph.get("/graph/{id}?fields=message", postId).expectBody().jsonPath("$.message").isEqualTo("Edited");
		this.graph.json(this.graph.delete("/graph/{id}", commentId));
		this.graph.json(this.graph.delete("/graph/{id}", postId));
		expectError(this.graph.get("/graph/{id}", postId), 400, 100, 33);
	}

	@Test
	void pagesTheFeedNewestFirstWithAbsoluteNextLinks() {
		this.graph.permissions("read_group", "write_group");
		for (int i = 0; i < 3; i++) {
			this.graph.json(this.graph.post("/graph/{id}/feed", Map.of("message", "Post " + i), this.group));
		}
		Map<String, Object> first = this.graph
			.json(this.graph.get("/graph/{id}/feed?limit=2&fields=message", this.group));
		assertThat(first.get("data").toString()).contains("Post 2").contains("Post 1").doesNotContain("Post 0");
		String next = (String) ((Map<?, ?>) first.get("paging")).get("next");
		assertThat(next).startsWith("http://localhost:").contains("/graph/" + this.group + "/feed");
		assertThat(next).contains("fields=message").contains("limit=2").contains("after=");
		Map<String, Object> second = this.graph.json(this.client.get()
			.uri(java.net.URI.create(next))
			.header("Authorization", "Bearer " + this.graph.token)
			.exchange());
		assertThat(second.get("data").toString()).contains("Post 0");
		assertThat(((Map<?, ?>) second.get("paging")).containsKey("next")).isFalse();

		this.graph
			.get("/graph/{id}/feed?since=2000-01-01&until=" + (System.currentTimeMillis() / 1000 + 60), this.group)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.length()")
			.isEqualTo(3);
		expectError(this.graph.get("/graph/{id}/feed?since=yesterday", this.group), 400, 100, null);
	}

	@Test
	void pagesTheFeedBackWithPreviousLinks() {
		this.graph.permissions("read_group", "write_group");
		for (int i = 0; i < 5; i++) {
			this.graph.json(this.graph.post("/graph/{id}/feed", Map.of("message", "Post " + i), this.group));
		}
		Map<String, Object> first = this.graph
			.json(this.graph.get("/graph/{id}/feed?limit=2&fields=message", this.group));
		Map<?, ?> firstPaging = (Map<?, ?>) first.get("paging");
		assertThat(firstPaging.containsKey("previous")).isFalse();
		Map<String, Object> second = follow((String) firstPaging.get("next"));
		assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
		String previous = (String) ((Map<?, ?>) second.get("paging")).get("previous");
		assertThat(previous).startsWith("http://localhost:").contains("/graph/" + this.group + "/feed");
		assertThat(previous).contains("fields=message")
			.contains("limit=2")
			.contains("before=")
			.doesNotContain("after=");
		Map<String, Object> back = follow(previous);
		assertThat(ids(back)).containsExactlyElementsOf(ids(first));
		assertThat(((Map<?, ?>) back.get("paging")).containsKey("previous")).isFalse();
		assertThat(((Map<?, ?>) back.get("paging")).get("next")).isEqualTo(firstPaging.get("next"));
	}

	private Map<String, Object> follow(String link) {
		return this.graph.json(this.client.get()
			.uri(java.net.URI.create(link))
			.header("Authorization", "Bearer " + this.graph.token)
			.exchange());
	}

	private static List<Object> ids(Map<String, Object> page) {
		return ((List<?>) page.get("data")).stream().<Object>map((item) -> ((Map<?, ?>) item).get("id")).toList();
	}

	@Test
	void refusesWithoutPermissionAndOutsideTheGroupAccess() {
		expectError(this.graph.get("/graph/{id}/feed", this.group), 403, 10, null);
		expectError(this.graph.post("/graph/{id}/feed", Map.of("message", "Hi"), this.group), 403, 200, null);
		this.graph.permissions(List.of(), "read_group", "write_group");
		expectError(this.graph.get("/graph/{id}/feed", this.group), 400, 100, 33);
		expectError(this.graph.get("/graph/{id}", this.group), 400, 100, 33);
		expectError(this.graph.post("/graph/{id}/feed", Map.of("message", "Hi"), this.group), 400, 100, 33);
		this.graph.permissions(List.of(this.group), "read_group", "write_group");
		this.graph.get("/graph/{id}", this.group)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.privacy")
			.isEqualTo("CLOSED");
		expectError(this.graph.post("/graph/{id}/feed", Map.of(), this.group), 400, 100, null);
		expectError(this.graph.post("/graph/{id}/feed", Map.of("message", "x", "formatting", "HTML"), this.group), 400,
				100, null);
		expectError(this.graph.get("/graph/{id}/feed?fields=id,nonsense", this.group), 400, 100, null);
	}

	@Test
	void answersUnknownAndMalformedIdsWith100And33() {
		this.graph.permissions("read_group", "write_group", "read_group_membership");
		for (String id : List.of("1", "abc", "1_2", this.group + "_1", "99999999999999999999", "-5", "_")) {
			expectError(this.graph.get("/graph/{id}", id), 400, 100, 33);
			expectError(this.graph.get("/graph/{id}/comments", id), 400, 100, 33);
			expectError(this.graph.post("/graph/{id}/likes", Map.of(), id), 400, 100, 33);
		}
		expectError(this.graph.delete("/graph/{id}", this.group), 400, 100, 33);
		expectError(this.graph.get("/graph/{id}/feed", this.ada), 400, 100, 33);
	}

	@Test
	void editsOthersContentOnlyWithWriteGroupAndRepliesWhenMentioned() {
		this.graph.permissions("write_group");
		String postId = (String) this.graph
			.json(this.graph.post("/graph/{id}/feed", Map.of("message", "Hey @[" + this.graph.pageId + "]"),
					this.group))
			.get("id");
		this.graph.permissions("bot_mention");
		this.graph.get("/graph/{id}", postId).expectStatus().isOk();
		String reply = (String) this.graph
			.json(this.graph.post("/graph/{id}/comments", Map.of("message", "At your service"), postId))
			.get("id");
		this.graph.json(this.graph.post("/graph/{id}", Map.of("message", "Edited reply"), reply));
		this.graph.json(this.graph.post("/graph/{id}", Map.of("message", "Edited"), postId));
		this.graph.permissions("write_group");
		String other = (String) this.graph
			.json(this.graph.post("/graph/{id}/feed", Map.of("message", "No mention"), this.group))
			.get("id");
		this.graph.permissions("bot_mention");
		expectError(this.graph.get("/graph/{id}", other), 403, 10, null);
		expectError(this.graph.post("/graph/{id}/comments", Map.of("message", "x"), other), 403, 200, null);
	}

	@Test
	void createsEditsAndManagesGroupMembers() {
		this.graph.permissions("manage_group", "read_group_membership");
		String created = (String) this.graph
			.json(this.graph.post("/graph/community/groups",
					Map.of("name", "Ops " + GraphTestSetup.unique(), "privacy", "SECRET"), new Object[0]))
			.get("id");
		this.graph.json(this.graph.post("/graph/{id}", Map.of("description", "Runbooks"), created));
		this.graph.get("/graph/{id}?fields=name,description,privacy", created)
			.expectBody()
			.jsonPath("$.description")
			.isEqualTo("Runbooks")
			.jsonPath("$.privacy")
			.isEqualTo("SECRET");
		this.graph.json(this.graph.post("/graph/{id}/members/{member}", Map.of(), created, this.ada));
		this.graph.get("/graph/{id}/members", created)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(this.ada);
		this.graph.json(this.graph.delete("/graph/{id}/members/{member}", created, this.ada));
		this.graph.get("/graph/{id}/members", created).expectBody().jsonPath("$.data.length()").isEqualTo(0);
		expectError(this.graph.post("/graph/{id}/members/{member}", Map.of(), created, "42"), 400, 100, 33);
		expectError(this.graph.post("/graph/community/groups", Map.of("name", "x", "privacy", "PUBLIC"), new Object[0]),
				400, 100, null);
		expectError(this.graph.post("/graph/community/groups", Map.of("name", "x"), new Object[0]), 400, 100, null);
		this.graph.permissions("read_group");
		expectError(this.graph.post("/graph/community/groups", Map.of("name", "x"), new Object[0]), 403, 200, null);
		expectError(this.graph.get("/graph/{id}/members", created), 403, 10, null);
	}

	@Test
	void aGroupsMembershipIsReachableOnlyWithinTheGroupAccess() {
		String other = this.graph.group("Elsewhere", "SECRET", this.ada);
		this.graph.permissions(List.of(this.group), "read_group_membership");
		this.graph.get("/graph/{id}/members", this.group)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(this.ada);
		expectError(this.graph.get("/graph/{id}/members", other), 400, 100, 33);
		// The community's members are not a group's: the group access does not narrow
		// them.
		this.graph.get("/graph/community/members?limit=100").expectStatus().isOk();
	}

	@Test
	void refusesNestedEdgesThatWouldReadTooMuchInOneCall() {
		this.graph.permissions("read_group", "write_group");
		String postId = (String) this.graph
			.json(this.graph.post("/graph/{id}/feed", Map.of("message", "Busy thread"), this.group))
			.get("id");
		long post = Long.parseLong(postId.substring(postId.indexOf('_') + 1));
		Actor.Page writer = new Actor.Page(1, Long.parseLong(this.graph.pageId), this.graph.name,
				Set.of(Permission.WRITE_GROUP), GroupAccess.ALL);
		for (int i = 0; i < 60; i++) {
			long comment = this.comments.create(writer, post, "Comment " + i).id();
			this.comments.create(writer, comment, "Reply " + i);
		}
		// Within the budget: the comments, each with its first replies.
		this.graph.json(this.graph
			.getRaw("/graph/" + this.group + "/feed?fields=id,comments.limit(100){id,comments.limit(5){id}}"));
		// A reply edge of 100 under each of 60 comments: beyond what one call may read.
		expectError(
				this.graph
					.getRaw("/graph/" + this.group + "/feed?fields=id,comments.limit(100){id,comments.limit(100){id}}"),
				400, 100, null);
	}

}
