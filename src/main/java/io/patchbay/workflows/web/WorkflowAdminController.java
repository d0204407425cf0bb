package io.patchbay.workflows.web;

import java.util.Map;

import io.patchbay.accounts.Actor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API of workflows: all of them, for administrators holding manage_workflows.
 * Workflows made here may target any channel.
 */
@RestController
@RequestMapping("/api/admin/workflows")
@PreAuthorize("hasAuthority('manage_workflows')")
class WorkflowAdminController {

	private final WorkflowEndpoints endpoints;

	WorkflowAdminController(WorkflowEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(Actor.Administrator administrator,
			@RequestBody WorkflowViews.Body body) {
		return this.endpoints.create(administrator, body);
	}

	@GetMapping
	Map<String, Object> list(Actor.Administrator administrator, @RequestParam(required = false) @Nullable String after,
			@RequestParam(defaultValue = "25") int limit) {
		return this.endpoints.list(administrator, after, limit);
	}

	@GetMapping("/{id}")
	Map<String, Object> one(Actor.Administrator administrator, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean reveal) {
		return this.endpoints.one(administrator, id, reveal);
	}

	@PutMapping("/{id}")
	Map<String, Object> replace(Actor.Administrator administrator, @PathVariable String id,
			@RequestBody WorkflowViews.Body body) {
		return this.endpoints.replace(administrator, id, body);
	}

	@PostMapping("/{id}/publish")
	Map<String, Object> publish(Actor.Administrator administrator, @PathVariable String id) {
		return this.endpoints.publish(administrator, id, true);
	}

	@PostMapping("/{id}/unpublish")
	Map<String, Object> unpublish(Actor.Administrator administrator, @PathVariable String id) {
		return this.endpoints.publish(administrator, id, false);
	}

	@PostMapping("/{id}/test")
	ResponseEntity<Map<String, Object>> test(Actor.Administrator administrator, @PathVariable String id,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return this.endpoints.test(administrator, id, body);
	}

	@PostMapping("/{id}/webhook-url/regenerate")
	Map<String, Object> regenerate(Actor.Administrator administrator, @PathVariable String id) {
		return this.endpoints.regenerate(administrator, id);
	}

	@GetMapping("/{id}/runs")
	Map<String, Object> runs(Actor.Administrator administrator, @PathVariable String id,
			@RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "25") int limit) {
		return this.endpoints.runs(administrator, id, after, limit);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor.Administrator administrator, @PathVariable String id) {
		this.endpoints.delete(administrator, id);
	}

}
