package io.patchbay.workflows.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.PageController;
import io.patchbay.platform.PageRequest;
import io.patchbay.workflows.BuildingSettings;
import io.patchbay.workflows.Definition;
import io.patchbay.workflows.Variable;
import io.patchbay.workflows.Workflow;
import io.patchbay.workflows.WorkflowChange;
import io.patchbay.workflows.Workflows;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member app's workflow builder: the member's workflows, and one workflow's page with
 * its trigger, variables, steps, collaborators, test and run history. Each form changes
 * one thing and saves the workflow through the module, which checks it as it checks the
 * API's; a refused change comes back to its section with the message (see
 * {@code PageErrors}).
 */
@PageController
@RequestMapping("/app/workflows")
class WorkflowBuilderController {

	private final Workflows workflows;

	private final BuilderChoices choices;

	private final Members members;

	private final JsonMapper json;

	private final BuildingSettings settings;

	WorkflowBuilderController(Workflows workflows, BuilderChoices choices, Members members, JsonMapper json,
			BuildingSettings settings) {
		this.settings = settings;
		this.workflows = workflows;
		this.choices = choices;
		this.members = members;
		this.json = json;
	}

	@GetMapping
	String list(Actor.Member member, Model model) {
		var page = this.workflows.list(member, PageRequest.after(null, PageRequest.MAX_LIMIT));
		model.addAttribute("workflows", page.items());
		model.addAttribute("names", this.workflows.memberNames(page.items()));
		model.addAttribute("mayBuild", this.settings.membersMayBuild());
		return "app/workflows/list";
	}

	@PostMapping
	String create(Actor.Member member, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description) {
		Workflow workflow = this.workflows.create(member, new WorkflowChange(name, description,
				new Definition(io.patchbay.workflows.Trigger.webhook(java.util.List.of()), java.util.List.of()), null));
		return "redirect:/app/workflows/" + workflow.id();
	}

	@GetMapping("/{id}")
	String builder(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "0") int edit,
			Model model) {
		Workflow workflow = this.workflows.find(member, id);
		Definition definition = workflow.definition();
		model.addAttribute("workflow", workflow);
		model.addAttribute("names", this.workflows.memberNames(java.util.List.of(workflow)));
		model.addAttribute("owner", workflow.creatorId() == member.id());
		model.addAttribute("maskedUrl", this.workflows.maskedUrl());
		model.addAttribute("sample",
				this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.workflows.samplePayload(workflow)));
		var channels = this.choices.channels(member, definition);
		var groups = this.choices.groups(member);
		model.addAttribute("channels", channels);
		model.addAttribute("memberChoices", this.choices.members(definition));
		model.addAttribute("groups", groups);
		model.addAttribute("labels", BuilderChoices.labels(channels, groups));
		model.addAttribute("connections", this.choices.connections());
		boolean editing = edit >= 1 && edit <= definition.steps().size();
		model.addAttribute("edit", editing ? edit : 0);
		model.addAttribute("stepForm",
				editing ? StepForm.of(definition.steps().get(edit - 1), this.json) : Map.of("type", "send_message"));
		model.addAttribute("insertable", BuilderChoices.insertable(definition, editing ? edit : 0));
		model.addAttribute("runs", this.workflows.runs(member, id, PageRequest.after(null, 10)).items());
		return "app/workflows/builder";
	}

	/** The revealed URL, swapped into the page by the "Reveal" button. */
	@GetMapping("/{id}/url")
	String url(Actor.Member member, @PathVariable long id, Model model) {
		model.addAttribute("url", this.workflows.url(member, id, true));
		return "app/workflows/builder :: revealed";
	}

	@PostMapping("/{id}/details")
	String details(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String description, RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		save(member, workflow, name, description, workflow.definition());
		return saved(id, "details", flash);
	}

	@PostMapping("/{id}/trigger")
	String trigger(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "webhook") String type,
			@RequestParam(required = false) @Nullable String threadId, RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		save(member, workflow, DefinitionEdits.withTrigger(workflow.definition(), type, threadId));
		return saved(id, "trigger", flash);
	}

	@PostMapping("/{id}/variables")
	String addVariable(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "") String key,
			@RequestParam(defaultValue = "text") String type, RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		Variable.Type chosen = switch (type) {
			case "member" -> Variable.Type.MEMBER;
			case "channel" -> Variable.Type.CHANNEL;
			default -> Variable.Type.TEXT;
		};
		save(member, workflow, DefinitionEdits.withVariable(workflow.definition(), key, chosen));
		return saved(id, "trigger", flash);
	}

	@PostMapping("/{id}/variables/delete")
	String removeVariable(Actor.Member member, @PathVariable long id, @RequestParam String key,
			RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		save(member, workflow, DefinitionEdits.withoutVariable(workflow.definition(), key));
		return saved(id, "trigger", flash);
	}

	@PostMapping("/{id}/steps")
	String saveStep(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "0") int step,
			@ModelAttribute StepForm form, RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		save(member, workflow, DefinitionEdits.withStep(workflow.definition(), form.toStep(this.json), step));
		return saved(id, "steps", flash);
	}

	@PostMapping("/{id}/steps/delete")
	String removeStep(Actor.Member member, @PathVariable long id, @RequestParam int step, RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		save(member, workflow, DefinitionEdits.withoutStep(workflow.definition(), step));
		return saved(id, "steps", flash);
	}

	@PostMapping("/{id}/steps/move")
	String moveStep(Actor.Member member, @PathVariable long id, @RequestParam int step,
			@RequestParam(defaultValue = "up") String direction, RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		save(member, workflow, DefinitionEdits.moved(workflow.definition(), step, "up".equals(direction)));
		return saved(id, "steps", flash);
	}

	@PostMapping("/{id}/publish")
	String publish(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "true") boolean published,
			RedirectAttributes flash) {
		if (published) {
			this.workflows.publish(member, id);
		}
		else {
			this.workflows.unpublish(member, id);
		}
		return saved(id, "details", flash);
	}

	@PostMapping("/{id}/regenerate")
	String regenerate(Actor.Member member, @PathVariable long id, RedirectAttributes flash) {
		this.workflows.regenerate(member, id);
		flash.addFlashAttribute("notice", "workflows.url.regenerated");
		flash.addFlashAttribute("noticeSection", "trigger");
		return "redirect:/app/workflows/" + id + "#trigger";
	}

	@PostMapping("/{id}/collaborators")
	String addCollaborator(Actor.Member member, @PathVariable long id, @RequestParam(defaultValue = "") String email,
			RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		MemberProfile collaborator = this.members.findByEmail(email.strip())
			.filter(MemberProfile::active)
			.orElseThrow(() -> new InvalidInputException("email", "No active member has this email"));
		var ids = new java.util.ArrayList<>(workflow.collaboratorIds());
		ids.add(collaborator.id());
		this.workflows.replace(member, id,
				new WorkflowChange(workflow.name(), workflow.description(), workflow.definition(), ids));
		return saved(id, "collaborators", flash);
	}

	@PostMapping("/{id}/collaborators/delete")
	String removeCollaborator(Actor.Member member, @PathVariable long id, @RequestParam long memberId,
			RedirectAttributes flash) {
		Workflow workflow = this.workflows.find(member, id);
		var ids = new java.util.ArrayList<>(workflow.collaboratorIds());
		ids.remove(memberId);
		this.workflows.replace(member, id,
				new WorkflowChange(workflow.name(), workflow.description(), workflow.definition(), ids));
		return saved(id, "collaborators", flash);
	}

	@PostMapping("/{id}/test")
	String test(Actor.Member member, @PathVariable long id, HttpServletRequest request, RedirectAttributes flash) {
		Map<String, String> variables = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.startsWith("var.") && values.length > 0) {
				variables.put(name.substring(4), values[0]);
			}
		});
		this.workflows.test(member, id, variables);
		flash.addFlashAttribute("notice", "workflows.test.queued");
		flash.addFlashAttribute("noticeSection", "runs");
		return "redirect:/app/workflows/" + id + "#runs";
	}

	@PostMapping("/{id}/delete")
	String delete(Actor.Member member, @PathVariable long id, RedirectAttributes flash) {
		this.workflows.delete(member, id);
		flash.addFlashAttribute("notice", "workflows.deleted");
		return "redirect:/app/workflows";
	}

	private void save(Actor.Member member, Workflow workflow, Definition definition) {
		save(member, workflow, workflow.name(), workflow.description(), definition);
	}

	private void save(Actor.Member member, Workflow workflow, String name, @Nullable String description,
			Definition definition) {
		this.workflows.replace(member, workflow.id(), new WorkflowChange(name, description, definition, null));
	}

	private static String saved(long id, String section, RedirectAttributes flash) {
		flash.addFlashAttribute("notice", "workflows.saved");
		flash.addFlashAttribute("noticeSection", section);
		return "redirect:/app/workflows/" + id + "#" + section;
	}

}
