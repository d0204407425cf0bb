package io.patchbay.workflows.web;

import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageRequest;
import io.patchbay.workflows.Run;
import io.patchbay.workflows.Workflow;
import io.patchbay.workflows.Workflows;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The operations of {@code workflows.md}'s contract table, for whichever caller the
 * member API or the admin API brings; the module decides what that caller may do.
 */
@Component
class WorkflowEndpoints {

	private final Workflows workflows;

	private final WorkflowViews views;

	WorkflowEndpoints(Workflows workflows, WorkflowViews views) {
		this.workflows = workflows;
		this.views = views;
	}

	ResponseEntity<Map<String, Object>> create(Actor actor, WorkflowViews.Body body) {
		Workflow workflow = this.workflows.create(actor, this.views.change(body));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.views.workflow(workflow, this.workflows.url(actor, workflow.id(), false)));
	}

	Map<String, Object> list(Actor actor, @Nullable String after, int limit) {
		Long cursor = (after != null) ? id(after) : null;
		return this.views.list(this.workflows.list(actor, PageRequest.after(cursor, limit)),
				this.workflows.maskedUrl());
	}

	Map<String, Object> one(Actor actor, String id, boolean reveal) {
		Workflow workflow = this.workflows.find(actor, id(id));
		return this.views.workflow(workflow, this.workflows.url(actor, workflow.id(), reveal));
	}

	Map<String, Object> replace(Actor actor, String id, WorkflowViews.Body body) {
		Workflow workflow = this.workflows.replace(actor, id(id), this.views.change(body));
		return this.views.workflow(workflow, this.workflows.maskedUrl());
	}

	Map<String, Object> publish(Actor actor, String id, boolean published) {
		Workflow workflow = published ? this.workflows.publish(actor, id(id)) : this.workflows.unpublish(actor, id(id));
		return this.views.workflow(workflow, this.workflows.maskedUrl());
	}

	ResponseEntity<Map<String, Object>> test(Actor actor, String id, @Nullable JsonNode body) {
		Map<String, String> variables = new java.util.LinkedHashMap<>();
		JsonNode given = (body != null) ? body.get("variables") : null;
		if (given != null && !given.isNull()) {
			if (!given.isObject()) {
				throw new InvalidInputException("variables", "variables must be an object of strings");
			}
			for (Map.Entry<String, JsonNode> entry : given.properties()) {
				if (entry.getValue().isContainer()) {
					throw new InvalidInputException("variables." + entry.getKey(), "Variables are strings");
				}
				if (!entry.getValue().isNull()) {
					variables.put(entry.getKey(), entry.getValue().asString());
				}
			}
		}
		Run run = this.workflows.test(actor, id(id), variables);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(WorkflowViews.run(run));
	}

	Map<String, Object> regenerate(Actor actor, String id) {
		return Map.of("url", this.workflows.regenerate(actor, id(id)));
	}

	Map<String, Object> runs(Actor actor, String id, @Nullable String after, int limit) {
		Long cursor = (after != null) ? id(after) : null;
		return this.views.runs(this.workflows.runs(actor, id(id), PageRequest.after(cursor, limit)));
	}

	void delete(Actor actor, String id) {
		this.workflows.delete(actor, id(id));
	}

	private static long id(String id) {
		long parsed = Ids.parse(id);
		if (parsed <= 0) {
			throw new NotFoundException("Workflow", id);
		}
		return parsed;
	}

}
