package io.patchbay.community.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Formatting;
import io.patchbay.platform.Ids;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a message into safe HTML for the member app: Markdown through commonmark with raw
 * HTML escaped and unsafe link schemes removed, plain text escaped, and {@code @[id]}
 * mentions shown as the member's name.
 */
@Component
class MessageRenderer {

	private static final Pattern MENTION = Pattern.compile("@\\[(\\d{1,19})]");

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private final Members members;

	MessageRenderer(Members members) {
		this.members = members;
	}

	String html(String message, Formatting formatting) {
		String html = (formatting == Formatting.MARKDOWN) ? this.renderer.render(this.parser.parse(message))
				: "<p>" + HtmlUtils.htmlEscape(message).replace("\n", "<br>") + "</p>";
		return mentions(html);
	}

	/**
	 * Runs on the escaped HTML, where {@code @[digits]} can only come from the author's
	 * text, and inserts only escaped names.
	 */
	private String mentions(String html) {
		Matcher matcher = MENTION.matcher(html);
		List<Long> ids = matcher.results().map((result) -> Ids.parse(result.group(1))).filter((id) -> id > 0).toList();
		if (ids.isEmpty()) {
			return html;
		}
		Map<Long, String> names = this.members.findAll(ids)
			.stream()
			.collect(Collectors.toMap(MemberProfile::id, MemberProfile::name));
		return MENTION.matcher(html).replaceAll((result) -> {
			String name = names.get(Ids.parse(result.group(1)));
			return (name != null)
					? Matcher.quoteReplacement("<span class=\"mention\">@" + HtmlUtils.htmlEscape(name) + "</span>")
					: Matcher.quoteReplacement(result.group());
		});
	}

}
