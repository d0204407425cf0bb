package io.patchbay.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.integrations.Permission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's org chart: {@code /{member-id}/managers} and {@code /reports}.
 */
@RestController
class MembersController {

	/** A cycle in manager ids cannot loop forever; no real chain is this long. */
	private static final int MAX_CHAIN = 50;

	private final GraphObjects objects;

	private final Members members;

	MembersController(GraphObjects objects, Members members) {
		this.objects = objects;
		this.members = members;
	}

	/** The member's managers, the direct one first, up the chain. */
	@GetMapping("/graph/{id}/managers")
	Map<String, Object> managers(@PathVariable String id, GraphCaller caller) {
		MemberProfile member = this.objects.member(caller, id, "GET", Permission.READ_ORG_CHART, false);
		Fields fields = caller.fields().allowOnly(MemberView.FIELDS, "User");
		List<Object> chain = new ArrayList<>();
		Set<Long> seen = new HashSet<>(Set.of(member.id()));
		Long next = member.managerId();
		while (next != null && seen.add(next) && chain.size() < MAX_CHAIN) {
			MemberProfile manager = this.members.findById(next).orElse(null);
			if (manager == null) {
				break;
			}
			chain.add(MemberView.render(caller, manager, fields));
			next = manager.managerId();
		}
		return GraphPaging.whole(chain);
	}

	@GetMapping("/graph/{id}/reports")
	Map<String, Object> reports(@PathVariable String id, GraphCaller caller) {
		MemberProfile member = this.objects.member(caller, id, "GET", Permission.READ_ORG_CHART, false);
		Fields fields = caller.fields().allowOnly(MemberView.FIELDS, "User");
		return GraphPaging.whole(this.members.reports(member.id())
			.stream()
			.map((report) -> (Object) MemberView.render(caller, report, fields))
			.toList());
	}

}
