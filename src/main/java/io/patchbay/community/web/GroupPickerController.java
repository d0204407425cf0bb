package io.patchbay.community.web;

import io.patchbay.accounts.Actor;
import io.patchbay.community.Groups;
import io.patchbay.platform.PageController;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The searchable list of groups that an integration's page loads beside its group ids
 * (the integrations module cannot read groups: community depends on it). Ticking a group
 * writes its id into that field (console.js), which stays what the form sends, so the
 * page works the same without JavaScript.
 */
@PageController
@PreAuthorize("hasAuthority('manage_integrations')")
class GroupPickerController {

	private final Groups groups;

	GroupPickerController(Groups groups) {
		this.groups = groups;
	}

	/**
	 * @param field the id of the text field holding the chosen ids
	 */
	@GetMapping("/console/group-picker")
	String picker(Actor.Administrator administrator, @RequestParam(defaultValue = "group-ids") String field,
			Model model) {
		model.addAttribute("groups", this.groups.byName(administrator, Groups.GROUP_CHOICES));
		model.addAttribute("field", field.matches("[a-z0-9-]{1,40}") ? field : "group-ids");
		model.addAttribute("limit", Groups.GROUP_CHOICES);
		return "group-picker :: picker";
	}

}
