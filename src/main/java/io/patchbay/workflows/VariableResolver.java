package io.patchbay.workflows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.Ids;

import org.springframework.stereotype.Component;

/**
 * Checks the values a trigger (or a test) brings against the workflow's variables: each
 * declared one present, a {@code member} naming an active member by id or email (kept as
 * the id), a {@code channel} a group chat the workflow may write in. Undeclared keys are
 * dropped.
 */
@Component
class VariableResolver {

	private final Members members;

	private final Destinations destinations;

	VariableResolver(Members members, Destinations destinations) {
		this.members = members;
		this.destinations = destinations;
	}

	Map<String, String> resolve(Workflow workflow, Map<String, String> given) {
		Map<String, String> resolved = new LinkedHashMap<>();
		for (Variable variable : workflow.definition().trigger().available()) {
			String value = given.get(variable.key());
			if (value == null) {
				throw TriggerRefusedException.badRequest("missing_variable", variable.key(),
						"The variable " + variable.key() + " is missing");
			}
			resolved.put(variable.key(), switch (variable.type()) {
				case TEXT -> value;
				case MEMBER -> String.valueOf(member(variable.key(), value).id());
				case CHANNEL -> channel(workflow, variable.key(), value);
			});
		}
		return resolved;
	}

	private MemberProfile member(String key, String value) {
		String given = value.strip();
		long id = Ids.parse(given);
		Optional<MemberProfile> member = (id > 0) ? this.members.findById(id)
				: given.contains("@") ? this.members.findByEmail(given) : Optional.empty();
		return member.filter(MemberProfile::active)
			.orElseThrow(() -> TriggerRefusedException.badRequest("unknown_member", key,
					"The variable " + key + " names no active member (give a member id or email)"));
	}

	private String channel(Workflow workflow, String key, String value) {
		return this.destinations.channel(workflow.actor(), value)
			.orElseThrow(() -> TriggerRefusedException.badRequest("unknown_channel", key,
					"The variable " + key + " names no channel this workflow may post in (give a thread id t_…)"));
	}

}
