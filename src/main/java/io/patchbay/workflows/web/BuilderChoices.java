package io.patchbay.workflows.web;

import java.util.ArrayList;
import java.util.List;

import io.patchbay.accounts.Actor;
import io.patchbay.chat.ChatThread;
import io.patchbay.chat.ThreadKind;
import io.patchbay.chat.Threads;
import io.patchbay.community.Groups;
import io.patchbay.connections.Connections;
import io.patchbay.platform.PageRequest;
import io.patchbay.workflows.Definition;
import io.patchbay.workflows.Step;
import io.patchbay.workflows.Variable;

import org.springframework.stereotype.Component;

/**
 * What the builder offers to choose from: the member's group chats, the groups they
 * belong to, the connections, and for a text field the variables it may insert (those
 * declared, and the results of the API calls before the step).
 */
@Component
class BuilderChoices {

	/** An option of a select: what is sent, and what is shown. */
	record Choice(String value, String label) {
	}

	private final Threads threads;

	private final Groups groups;

	private final Connections connections;

	BuilderChoices(Threads threads, Groups groups, Connections connections) {
		this.threads = threads;
		this.groups = groups;
		this.connections = connections;
	}

	List<Choice> channels(Actor.Member member, Definition definition) {
		List<Choice> channels = new ArrayList<>();
		variables(definition, Variable.Type.CHANNEL, channels);
		this.threads.of(member, PageRequest.after(null, PageRequest.MAX_LIMIT))
			.items()
			.stream()
			.filter((thread) -> thread.kind() == ThreadKind.GROUP)
			.forEach((thread) -> channels.add(new Choice(ChatThread.apiId(thread.id()),
					(thread.name() != null) ? thread.name() : ChatThread.apiId(thread.id()))));
		return channels;
	}

	List<Choice> members(Definition definition) {
		List<Choice> members = new ArrayList<>();
		variables(definition, Variable.Type.MEMBER, members);
		return members;
	}

	List<Choice> groups(Actor.Member member) {
		return this.groups.joinedBy(member)
			.stream()
			.map((group) -> new Choice(String.valueOf(group.id()), group.name()))
			.toList();
	}

	List<String> connections() {
		return this.connections.names();
	}

	/** The names shown for the ids of channels and groups, so steps read as words. */
	static java.util.Map<String, String> labels(List<Choice> channels, List<Choice> groups) {
		java.util.Map<String, String> labels = new java.util.HashMap<>();
		channels.forEach((choice) -> labels.put(choice.value(), choice.label()));
		groups.forEach((choice) -> labels.put(choice.value(), choice.label()));
		return labels;
	}

	/**
	 * What a text field of step {@code number} (from 1; 0 for a new last step) may
	 * insert.
	 */
	static List<String> insertable(Definition definition, int number) {
		List<String> references = new ArrayList<>();
		definition.trigger().available().forEach((variable) -> references.add("{{" + variable.key() + "}}"));
		int before = (number <= 0) ? definition.steps().size() : number - 1;
		for (int i = 0; i < before; i++) {
			if (definition.steps().get(i) instanceof Step.ApiCall) {
				references.add("{{step" + (i + 1) + ".status}}");
				references.add("{{step" + (i + 1) + ".body}}");
			}
		}
		return references;
	}

	private static void variables(Definition definition, Variable.Type type, List<Choice> into) {
		definition.trigger()
			.available()
			.stream()
			.filter((variable) -> variable.type() == type)
			.forEach((variable) -> into.add(new Choice("{{" + variable.key() + "}}", "{{" + variable.key() + "}}")));
	}

}
