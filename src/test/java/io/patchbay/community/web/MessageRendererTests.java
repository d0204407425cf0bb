package io.patchbay.community.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.community.Formatting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class MessageRendererTests {

	private final Members members = mock(Members.class);

	private final MessageRenderer renderer = new MessageRenderer(this.members);

	@Test
	void rendersMarkdownWithoutRawHtmlOrScriptLinks() {
		String html = this.renderer.html("# Title\n\n*hi* <img src=x onerror=alert(1)> [x](javascript:alert(1))",
				Formatting.MARKDOWN);
		assertThat(html).contains("<h1>Title</h1>", "<em>hi</em>", "&lt;img").doesNotContain("<img", "javascript:");
	}

	@Test
	void escapesPlainTextAndKeepsLineBreaks() {
		assertThat(this.renderer.html("a < b\n**not bold**", Formatting.PLAINTEXT))
			.isEqualTo("<p>a &lt; b<br>**not bold**</p>");
	}

	@Test
	void showsMentionedMembersByTheirEscapedNameAndLeavesUnknownIds() {
		given(this.members.findAll(any())).willReturn(List.of(member(100000000000001L, "<Ada>")));
		assertThat(this.renderer.html("Hi @[100000000000001] and @[100000000000009]", Formatting.PLAINTEXT))
			.isEqualTo("<p>Hi <span class=\"mention\">@&lt;Ada&gt;</span> and @[100000000000009]</p>");
	}

	@Test
	void findsMentionsInMarkdownTextOnlyNeverInsideALinkOrCode() {
		given(this.members.findAll(any())).willReturn(List.of(member(100000000000001L, "Ada \"Quote\"")));
		String html = this.renderer.html(
				"Hi @[100000000000001], [docs](https://example.com/@[100000000000001]) `@[100000000000001]`",
				Formatting.MARKDOWN);
		assertThat(html).contains("Hi <span class=\"mention\">@Ada &quot;Quote&quot;</span>,")
			.contains("href=\"https://example.com/@[100000000000001]\">docs</a>")
			.contains("<code>@[100000000000001]</code>");
	}

	private static MemberProfile member(long id, String name) {
		return new MemberProfile(id, null, name, null, null, null, null, null, null, null, null, null, null, "x", null,
				true, Set.of(), null, null, Instant.EPOCH, Instant.EPOCH);
	}

}
