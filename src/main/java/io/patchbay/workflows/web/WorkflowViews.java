package io.patchbay.workflows.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.workflows.DefinitionJson;
import io.patchbay.workflows.Run;
import io.patchbay.workflows.StepResult;
import io.patchbay.workflows.Workflow;
import io.patchbay.workflows.WorkflowChange;
import io.patchbay.workflows.Workflows;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The JSON of the workflow APIs, the same for members and administrators: requests read
 * into a {@link WorkflowChange}, workflows and runs written as {@code workflows.md} shows
 * them.
 */
@Component
class WorkflowViews {

	/** A create or replace request. */
	record Body(@Nullable String name, @Nullable String description, @Nullable JsonNode trigger,
			@Nullable JsonNode steps, @Nullable List<String> collaboratorIds) {
	}

	private final Workflows workflows;

	private final DefinitionJson definitions;

	WorkflowViews(Workflows workflows, DefinitionJson definitions) {
		this.workflows = workflows;
		this.definitions = definitions;
	}

	WorkflowChange change(Body body) {
		List<Long> collaborators = null;
		if (body.collaboratorIds() != null) {
			collaborators = new ArrayList<>();
			for (String id : body.collaboratorIds()) {
				long parsed = Ids.parse(id);
				if (parsed <= 0) {
					throw new InvalidInputException("collaboratorIds", "collaboratorIds must be member ids");
				}
				collaborators.add(parsed);
			}
		}
		return new WorkflowChange(body.name(), body.description(), this.definitions.read(body.trigger(), body.steps()),
				collaborators);
	}

	Map<String, Object> workflow(Workflow workflow, String url) {
		return workflow(workflow, url, this.workflows.memberNames(List.of(workflow)));
	}

	Map<String, Object> list(KeysetPage<Workflow> page, String maskedUrl) {
		Map<Long, String> names = this.workflows.memberNames(page.items());
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("data", page.items().stream().map((workflow) -> workflow(workflow, maskedUrl, names)).toList());
		if (page.nextCursor() != null) {
			list.put("nextCursor", String.valueOf(page.nextCursor()));
		}
		return list;
	}

	Map<String, Object> runs(KeysetPage<Run> page) {
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("data", page.items().stream().map(WorkflowViews::run).toList());
		if (page.nextCursor() != null) {
			list.put("nextCursor", String.valueOf(page.nextCursor()));
		}
		return list;
	}

	private Map<String, Object> workflow(Workflow workflow, String url, Map<Long, String> names) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", String.valueOf(workflow.id()));
		view.put("name", workflow.name());
		view.put("description", workflow.description());
		view.put("status", workflow.status().apiName());
		view.put("creator", member(workflow.creatorId(), names));
		view.put("collaborators", workflow.collaboratorIds().stream().map((id) -> member(id, names)).toList());
		ObjectNode trigger = this.definitions.trigger(workflow.definition().trigger());
		if (workflow.definition().trigger().webhook()) {
			trigger.put("url", url);
		}
		view.put("trigger", trigger);
		view.put("steps", workflow.definition().steps().stream().map(this.definitions::step).toList());
		view.put("samplePayload", this.workflows.samplePayload(workflow));
		view.put("createdAt", workflow.createdAt());
		view.put("updatedAt", workflow.updatedAt());
		view.put("publishedAt", workflow.publishedAt());
		return view;
	}

	private static Map<String, Object> member(long id, Map<Long, String> names) {
		Map<String, Object> member = new LinkedHashMap<>();
		member.put("id", String.valueOf(id));
		member.put("name", names.get(id));
		return member;
	}

	static Map<String, Object> run(Run run) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", String.valueOf(run.id()));
		view.put("workflowId", String.valueOf(run.workflowId()));
		view.put("trigger", run.trigger());
		view.put("status", run.status().apiName());
		view.put("variables", run.variables());
		view.put("steps", run.steps().stream().map(WorkflowViews::step).toList());
		view.put("error", run.error());
		view.put("queuedAt", run.queuedAt());
		view.put("startedAt", run.startedAt());
		view.put("finishedAt", run.finishedAt());
		view.put("durationMs", (run.duration() != null) ? run.duration().toMillis() : null);
		return view;
	}

	private static Map<String, Object> step(StepResult result) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("step", result.step());
		view.put("type", result.type());
		view.put("status", result.succeeded() ? "succeeded" : "failed");
		view.put("error", result.error());
		view.put("output", result.output());
		view.put("durationMs", result.durationMs());
		return view;
	}

}
