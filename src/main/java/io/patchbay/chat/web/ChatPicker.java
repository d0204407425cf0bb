package io.patchbay.chat.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.chat.Bots;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The "New chat" picker: the bots members may chat with (enabled, visible, allowed to
 * message any member) and the active members matching a search, the first page of them,
 * the member themselves left out. Deactivated members never appear.
 */
@Component
class ChatPicker {

	static final int MEMBERS = 100;

	/**
	 * @param more whether more members match than the picker lists
	 */
	record Choices(List<Bots.ListedBot> bots, List<MemberProfile> members, boolean more) {

		public @Nullable String logoUrl(Bots.ListedBot bot) {
			return ChatViews.logoUrl(bot);
		}

	}

	private final Bots bots;

	private final Members members;

	ChatPicker(Bots bots, Members members) {
		this.bots = bots;
		this.members = members;
	}

	/**
	 * @param chosen the members already chosen (a form shown again): listed first, even
	 * past the first page, so that they stay chosen
	 */
	Choices choices(Actor.Member member, @Nullable String query, Collection<Long> chosen) {
		String search = (query != null && !query.isBlank()) ? query.strip() : null;
		KeysetPage<MemberProfile> page = this.members.list(search, true, PageRequest.after(null, MEMBERS));
		Map<Long, MemberProfile> listed = new LinkedHashMap<>();
		if (!chosen.isEmpty()) {
			this.members.findAll(chosen)
				.stream()
				.filter(MemberProfile::active)
				.forEach((profile) -> listed.put(profile.id(), profile));
		}
		page.items().forEach((profile) -> listed.putIfAbsent(profile.id(), profile));
		listed.remove(member.id());
		return new Choices(this.bots.listed(member), List.copyOf(listed.values()), page.nextCursor() != null);
	}

}
