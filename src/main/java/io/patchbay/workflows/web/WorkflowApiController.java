package io.patchbay.workflows.web;

import java.util.Map;

import io.patchbay.accounts.Actor;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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
 * The member API of workflows: the caller's own and shared ones.
 */
@RestController
@RequestMapping("/api/v1/workflows")

class WorkflowApiController {

	private final WorkflowEndpoints endpoints;

	WorkflowApiController(WorkflowEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> create(Actor.Member member, @RequestBody WorkflowViews.Body body) {
		return this.endpoints.create(member, body);
	}

	@GetMapping
	Map<String, Object> list(Actor.Member member, @RequestParam(required = false) @Nullable String after,
			@RequestParam(defaultValue = "25") int limit) {
		return this.endpoints.list(member, after, limit);
	}

	@GetMapping("/{id}")
	Map<String, Object> one(Actor.Member member, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean reveal) {
		return this.endpoints.one(member, id, reveal);
	}

	@PutMapping("/{id}")
	Map<String, Object> replace(Actor.Member member, @PathVariable String id, @RequestBody WorkflowViews.Body body) {
		return this.endpoints.replace(member, id, body);
	}

	@PostMapping("/{id}/publish")
	Map<String, Object> publish(Actor.Member member, @PathVariable String id) {
		return this.endpoints.publish(member, id, true);
	}

	@PostMapping("/{id}/unpublish")
	Map<String, Object> unpublish(Actor.Member member, @PathVariable String id) {
		return this.endpoints.publish(member, id, false);
	}

	@PostMapping("/{id}/test")
	ResponseEntity<Map<String, Object>> test(Actor.Member member, @PathVariable String id,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return this.endpoints.test(member, id, body);
	}

	@PostMapping("/{id}/webhook-url/regenerate")
	Map<String, Object> regenerate(Actor.Member member, @PathVariable String id) {
		return this.endpoints.regenerate(member, id);
	}

	@GetMapping("/{id}/runs")
	Map<String, Object> runs(Actor.Member member, @PathVariable String id,
			@RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "25") int limit) {
		return this.endpoints.runs(member, id, after, limit);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(Actor.Member member, @PathVariable String id) {
		this.endpoints.delete(member, id);
	}

}
