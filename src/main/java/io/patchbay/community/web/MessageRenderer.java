package io.patchbay.community.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Formatting;
import io.patchbay.platform.Ids;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a message into safe HTML for the member app: Markdown through commonmark with raw
 * HTML escaped and unsafe link schemes removed, plain text escaped, and {@code @[id]}
 * mentions shown as the member's name. Mentions are found in the message's text (for
 * Markdown: in its text nodes, not in link targets, code or rendered HTML), so a mention
 * can never land inside an attribute.
 */
@Component
class MessageRenderer {

	private static final Pattern MENTION = Pattern.compile("@\\[(\\d{1,19})]");

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.nodeRendererFactory(MentionRenderer::new)
		.build();

	private final Members members;

	MessageRenderer(Members members) {
		this.members = members;
	}

	String html(String message, Formatting formatting) {
		if (formatting == Formatting.MARKDOWN) {
			Node document = this.parser.parse(message);
			List<Text> texts = new ArrayList<>();
			document.accept(new AbstractVisitor() {
				@Override
				public void visit(Text text) {
					texts.add(text);
				}
			});
			Map<Long, String> names = names(texts.stream().map(Text::getLiteral).toList());
			texts.forEach((text) -> splitMentions(text, names));
			return this.renderer.render(document);
		}
		Map<Long, String> names = names(List.of(message));
		StringBuilder html = new StringBuilder("<p>");
		Matcher matcher = MENTION.matcher(message);
		int start = 0;
		while (matcher.find()) {
			String name = names.get(Ids.parse(matcher.group(1)));
			if (name != null) {
				html.append(escape(message.substring(start, matcher.start()))).append(mention(name));
				start = matcher.end();
			}
		}
		return html.append(escape(message.substring(start))).append("</p>").toString();
	}

	/** The names of the members mentioned in the texts, in one query. */
	private Map<Long, String> names(List<String> texts) {
		Set<Long> ids = new LinkedHashSet<>();
		texts.forEach((text) -> MENTION.matcher(text)
			.results()
			.map((result) -> Ids.parse(result.group(1)))
			.filter((id) -> id > 0)
			.forEach(ids::add));
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.members.findAll(ids)
			.stream()
			.collect(Collectors.toMap(MemberProfile::id, MemberProfile::name, (a, b) -> a, LinkedHashMap::new));
	}

	/** Replaces a text node by its text around mention nodes of known members. */
	private static void splitMentions(Text text, Map<Long, String> names) {
		String literal = text.getLiteral();
		Matcher matcher = MENTION.matcher(literal);
		int start = 0;
		boolean split = false;
		while (matcher.find()) {
			String name = names.get(Ids.parse(matcher.group(1)));
			if (name != null) {
				text.insertBefore(new Text(literal.substring(start, matcher.start())));
				text.insertBefore(new Mention(name));
				start = matcher.end();
				split = true;
			}
		}
		if (split) {
			text.setLiteral(literal.substring(start));
		}
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text).replace("\n", "<br>");
	}

	private static String mention(String name) {
		return "<span class=\"mention\">@" + HtmlUtils.htmlEscape(name) + "</span>";
	}

	/** A mentioned member, shown by name. */
	static final class Mention extends CustomNode {

		private final String name;

		Mention(String name) {
			this.name = name;
		}

	}

	private static final class MentionRenderer implements NodeRenderer {

		private final HtmlWriter html;

		MentionRenderer(HtmlNodeRendererContext context) {
			this.html = context.getWriter();
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Mention.class);
		}

		@Override
		public void render(Node node) {
			this.html.tag("span", Map.of("class", "mention"));
			this.html.text("@" + ((Mention) node).name);
			this.html.tag("/span");
		}

	}

}
