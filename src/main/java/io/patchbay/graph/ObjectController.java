package io.patchbay.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberDetails;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Comment;
import io.patchbay.community.Comments;
import io.patchbay.community.Group;
import io.patchbay.community.Groups;
import io.patchbay.community.Post;
import io.patchbay.community.Posts;
import io.patchbay.community.Privacy;
import io.patchbay.community.CommunityObject;
import io.patchbay.graph.GraphObjects.CommentNode;
import io.patchbay.graph.GraphObjects.GroupNode;
import io.patchbay.graph.GraphObjects.MemberNode;
import io.patchbay.graph.GraphObjects.MemberTarget;
import io.patchbay.graph.GraphObjects.ObjectTarget;
import io.patchbay.graph.GraphObjects.PostNode;
import io.patchbay.integrations.Permission;
import io.patchbay.platform.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /{id}} for every object type, and {@code /?ids=a,b}. Literal paths ({@code /me},
 * {@code /community}, {@code /app/...}) win over {@code /{id}} in Spring MVC's matching,
 * so this controller only sees ids; what each names is decided by {@link GraphObjects}.
 */
@RestController
class ObjectController {

	private static final int MAX_IDS = 50;

	private final GraphObjects objects;

	private final ContentView content;

	private final Members members;

	private final Groups groups;

	private final Posts posts;

	private final Comments comments;

	ObjectController(GraphObjects objects, ContentView content, Members members, Groups groups, Posts posts,
			Comments comments) {
		this.objects = objects;
		this.content = content;
		this.members = members;
		this.groups = groups;
		this.posts = posts;
		this.comments = comments;
	}

	@GetMapping("/graph/{id}")
	Map<String, Object> read(@PathVariable String id, GraphCaller caller) {
		return read(caller, id, caller.fields());
	}

	/** Several objects at once, keyed by the ids as given; any failure fails the call. */
	@GetMapping({ "/graph", "/graph/" })
	Map<String, Object> readMany(GraphCaller caller) {
		String ids = caller.parameters().value("ids");
		if (ids == null || ids.isBlank()) {
			throw GraphException.unknownObject("", "GET");
		}
		List<String> wanted = Arrays.stream(ids.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).toList();
		if (wanted.isEmpty() || wanted.size() > MAX_IDS) {
			throw GraphException.invalidParameter("(#100) ids must name 1 to " + MAX_IDS + " objects");
		}
		Fields fields = caller.fields();
		Map<String, Object> answer = new LinkedHashMap<>();
		for (String id : wanted) {
			answer.put(id, read(caller, id, fields));
		}
		return answer;
	}

	private Map<String, Object> read(GraphCaller caller, String id, Fields fields) {
		if (id.indexOf('@') > 0) {
			// Checked before the lookup: finding members by email would otherwise tell an
			// integration that may not read addresses who has one.
			caller.require(Permission.READ_GROUP_MEMBERSHIP, false);
			caller.require(Permission.READ_USER_EMAIL, false);
		}
		return switch (this.objects.read(caller, id)) {
			case MemberNode(MemberProfile member) -> MemberView.render(caller, member, fields);
			case GroupNode(Group group) -> this.content.group(group, fields);
			case PostNode(Post post) -> this.content.post(caller, post, fields);
			case CommentNode(Comment comment) -> this.content.comment(caller, comment, fields);
		};
	}

	@PostMapping("/graph/{id}")
	Map<String, Object> update(@PathVariable String id, GraphCaller caller) {
		GraphParameters parameters = caller.parameters();
		switch (this.objects.resolve(id, "POST")) {
			case MemberTarget(MemberProfile member) -> {
				caller.require(Permission.MANAGE_WORK_PROFILES, true);
				this.members.update(Actor.page(caller.integration()), member.id(), profile(parameters));
			}
			case ObjectTarget(CommunityObject object) -> {
				switch (object.type()) {
					case GROUP -> this.groups.update(caller.actor(), object.id(), parameters.value("name"),
							parameters.value("description"),
							(parameters.value("privacy") != null) ? privacy(parameters.value("privacy")) : null);
					case POST -> this.posts.edit(caller.actor(), object.id(), required(parameters, "message"));
					case COMMENT -> this.comments.edit(caller.actor(), object.id(), required(parameters, "message"));
				}
			}
		}
		return Map.of("success", true);
	}

	@DeleteMapping("/graph/{id}")
	Map<String, Object> delete(@PathVariable String id, GraphCaller caller) {
		if (!(this.objects.resolve(id, "DELETE") instanceof ObjectTarget(CommunityObject object))
				|| object.type() == CommunityObject.Type.GROUP) {
			throw GraphException.unknownObject(id, "DELETE");
		}
		if (object.type() == CommunityObject.Type.POST) {
			this.posts.delete(caller.actor(), object.id());
		}
		else {
			this.comments.delete(caller.actor(), object.id());
		}
		return Map.of("success", true);
	}

	/** The profile fields a Graph client may set, by their Graph names. */
	private static MemberDetails profile(GraphParameters parameters) {
		return new MemberDetails(null, parameters.value("name"), parameters.value("first_name"),
				parameters.value("last_name"), parameters.value("title"), parameters.value("department"),
				parameters.value("division"), parameters.value("organization"), parameters.value("primary_phone"),
				parameters.value("primary_address"), parameters.value("locale"), manager(parameters), null, null);
	}

	private static @Nullable Long manager(GraphParameters parameters) {
		String manager = parameters.value("manager");
		if (manager == null || manager.isBlank()) {
			return null;
		}
		long id = Ids.parse(manager.strip());
		if (id <= 0) {
			throw GraphException.invalidParameter("(#100) manager must be a member id");
		}
		return id;
	}

	static Privacy privacy(String value) {
		try {
			return Privacy.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw GraphException.invalidParameter("(#100) privacy must be one of OPEN, CLOSED, SECRET");
		}
	}

	static String required(GraphParameters parameters, String name) {
		String value = parameters.value(name);
		if (value == null || value.isBlank()) {
			throw GraphException.invalidParameter("(#100) The parameter " + name + " is required");
		}
		return value;
	}

}
