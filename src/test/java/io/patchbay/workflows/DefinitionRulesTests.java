package io.patchbay.workflows;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.patchbay.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What any definition must be, whoever saves it: the spec's limits on variables and
 * steps, references that name something, destinations of their kind.
 */
class DefinitionRulesTests {

	private static final Step SEND = new Step.SendMessage("t_1", "hi");

	@Test
	void theSeedsWorkflowIsValid() {
		assertThatCode(() -> DefinitionRules.checkPublishable(new Definition(
				Trigger.webhook(List.of(new Variable("support_ticket_link", Variable.Type.TEXT),
						new Variable("assigned_support_agent", Variable.Type.MEMBER))),
				List.of(new Step.SendMessage("t_42",
						"New ticket {{support_ticket_link}} for {{assigned_support_agent}}"),
						new Step.DirectMessage("{{assigned_support_agent}}", "Yours: {{support_ticket_link}}")))))
			.doesNotThrowAnyException();
	}

	@Test
	void variablesAreAtMostTwentyWithWellFormedDistinctKeys() {
		refused(definition(IntStream.range(0, 21).mapToObj((i) -> text("v" + i)).toList(), List.of(SEND)),
				"trigger.variables");
		refused(definition(List.of(text("with space")), List.of(SEND)), "trigger.variables[0].key");
		refused(definition(List.of(text("x".repeat(65))), List.of(SEND)), "trigger.variables[0].key");
		refused(definition(List.of(text("a"), text("a")), List.of(SEND)), "trigger.variables[1].key");
		refused(definition(List.of(text("step2")), List.of(SEND)), "trigger.variables[0].key");
	}

	@Test
	void referencesNameADeclaredVariableOrAnEarlierApiCall() {
		Step call = new Step.ApiCall("zendesk", "POST", "https://x.zendesk.com/api", Map.of(), null);
		assertThatCode(() -> DefinitionRules.check(definition(List.of(),
				List.of(call, new Step.SendMessage("t_1", "{{step1.status}} {{step1.body.ticket.id}}")))))
			.doesNotThrowAnyException();
		refused(definition(List.of(), List.of(new Step.SendMessage("t_1", "{{nobody}}"))), "steps[0].text");
		refused(definition(List.of(), List.of(new Step.SendMessage("t_1", "{{step1.status}}"), call)), "steps[0].text");
		refused(definition(List.of(), List.of(call, new Step.SendMessage("t_1", "{{step1.headers}}"))),
				"steps[1].text");
	}

	@Test
	void destinationsAreIdsOrOneVariableOfTheirKind() {
		refused(definition(List.of(text("where")), List.of(new Step.SendMessage("{{where}}", "x"))),
				"steps[0].threadId");
		refused(definition(List.of(), List.of(new Step.SendMessage("general", "x"))), "steps[0].threadId");
		refused(definition(List.of(text("who")), List.of(new Step.DirectMessage("{{who}}", "x"))), "steps[0].memberId");
		refused(definition(List.of(), List.of(new Step.GroupPost("{{group}}", "x"))), "steps[0].groupId");
		refused(definition(List.of(), List.of(new Step.ApiCall("c", "TRACE", "https://x", Map.of(), null))),
				"steps[0].method");
	}

	@Test
	void aDraftMayHaveNoStepsButAPublishedWorkflowHasOne() {
		Definition empty = definition(List.of(), List.of());
		assertThatCode(() -> DefinitionRules.check(empty)).doesNotThrowAnyException();
		assertThatThrownBy(() -> DefinitionRules.checkPublishable(empty)).isInstanceOf(InvalidInputException.class);
		refused(definition(List.of(), IntStream.range(0, 21).mapToObj((i) -> SEND).toList()), "steps");
	}

	@Test
	void channelTriggersNameTheirChannelAndGiveMemberAndChannel() {
		assertThatCode(() -> DefinitionRules.check(new Definition(new Trigger(Trigger.SHORTCUT, List.of(), "t_7"),
				List.of(new Step.SendMessage("{{channel}}", "{{member}} asked")))))
			.doesNotThrowAnyException();
		refused(new Definition(new Trigger(Trigger.MEMBER_JOINED, List.of(), "general"), List.of(SEND)),
				"trigger.threadId");
	}

	private static void refused(Definition definition, String field) {
		assertThatThrownBy(() -> DefinitionRules.check(definition)).isInstanceOf(InvalidInputException.class)
			.extracting((ex) -> ((InvalidInputException) ex).field())
			.isEqualTo(field);
	}

	private static Definition definition(List<Variable> variables, List<Step> steps) {
		return new Definition(Trigger.webhook(variables), steps);
	}

	private static Variable text(String key) {
		return new Variable(key, Variable.Type.TEXT);
	}

}
