package io.patchbay.community.web;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberPageModel;
import io.patchbay.community.Groups;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gives every full page of the member app the groups its side navigation lists: those the
 * member joined, by name, with their unread posts (one query).
 */
@Component
class GroupNavigation extends MemberPageModel {

	static final String GROUPS = "navGroups";

	private final Groups groups;

	GroupNavigation(Groups groups) {
		this.groups = groups;
	}

	@Override
	protected void addTo(ModelAndView page, Actor.Member member) {
		page.addObject(GROUPS, this.groups.joinedWithUnread(member));
	}

}
