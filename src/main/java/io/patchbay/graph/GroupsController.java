package io.patchbay.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.FeedQuery;
import io.patchbay.community.Formatting;
import io.patchbay.community.GroupMember;
import io.patchbay.community.Groups;
import io.patchbay.community.Post;
import io.patchbay.community.Posts;
import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's edges: its members and its feed. The integration posts as its page.
 */
@RestController
class GroupsController {

	private final ContentView content;

	private final GraphLinks links;

	private final Groups groups;

	private final Posts posts;

	private final Members members;

	GroupsController(ContentView content, GraphLinks links, Groups groups, Posts posts, Members members) {
		this.content = content;
		this.links = links;
		this.groups = groups;
		this.posts = posts;
		this.members = members;
	}

	@GetMapping("/graph/{id}/members")
	Map<String, Object> members(@PathVariable String id, GraphCaller caller) {
		Fields fields = caller.fields().allowOnly(MemberView.FIELDS, "User");
		GraphPaging paging = GraphPaging.of(caller.parameters());
		KeysetPage<GroupMember> page = this.groups.members(caller.actor(), GraphObjects.plainId(id), paging.page());
		Map<Long, MemberProfile> profiles = new HashMap<>();
		this.members.findAll(page.items().stream().map(GroupMember::memberId).toList())
			.forEach((profile) -> profiles.put(profile.id(), profile));
		KeysetPage<MemberProfile> found = page
			.with(page.items().stream().map((item) -> profiles.get(item.memberId())).filter(Objects::nonNull).toList());
		return GraphPaging.render(found, MemberProfile::id, (member) -> MemberView.render(caller, member, fields),
				caller, this.links.graph(), "/" + id + "/members");
	}

	@PostMapping("/graph/{id}/members/{memberId}")
	Map<String, Object> addMember(@PathVariable String id, @PathVariable String memberId, GraphCaller caller) {
		this.groups.addMembers(caller.actor(), GraphObjects.plainId(id), List.of(member(memberId, "POST").id()));
		return Map.of("success", true);
	}

	@DeleteMapping("/graph/{id}/members/{memberId}")
	Map<String, Object> removeMember(@PathVariable String id, @PathVariable String memberId, GraphCaller caller) {
		this.groups.removeMember(caller.actor(), GraphObjects.plainId(id), member(memberId, "DELETE").id());
		return Map.of("success", true);
	}

	/** The group's posts, newest first. */
	@GetMapping("/graph/{id}/feed")
	Map<String, Object> feed(@PathVariable String id, GraphCaller caller) {
		Fields fields = caller.fields().allowOnly(ContentView.POST_FIELDS, "Post");
		GraphPaging paging = GraphPaging.of(caller.parameters());
		FeedQuery query = new FeedQuery(paging.after(), paging.before(), GraphTime.parse(caller.parameters(), "since"),
				GraphTime.parse(caller.parameters(), "until"), paging.limit());
		KeysetPage<Post> page = this.posts.feed(caller.actor(), GraphObjects.plainId(id), query);
		return GraphPaging.render(page, Post::id, (post) -> this.content.post(caller, post, fields), caller,
				this.links.graph(), "/" + id + "/feed");
	}

	@PostMapping("/graph/{id}/feed")
	Map<String, Object> publish(@PathVariable String id, GraphCaller caller) {
		GraphParameters parameters = caller.parameters();
		Post post = this.posts.create(caller.actor(), GraphObjects.plainId(id),
				ObjectController.required(parameters, "message"), formatting(parameters.value("formatting")),
				blankToNull(parameters.value("link")));
		return Map.of("id", ContentView.postId(post));
	}

	private MemberProfile member(String memberId, String method) {
		long parsed = Ids.parse(memberId);
		return ((parsed > 0) ? this.members.findById(parsed) : Optional.<MemberProfile>empty())
			.orElseThrow(() -> GraphException.unknownObject(memberId, method));
	}

	private static Formatting formatting(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return Formatting.PLAINTEXT;
		}
		try {
			return Formatting.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw GraphException.invalidParameter("(#100) formatting must be PLAINTEXT or MARKDOWN");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
