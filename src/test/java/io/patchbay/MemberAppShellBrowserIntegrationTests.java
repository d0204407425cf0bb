package io.patchbay;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member app's shell as a member uses it: a sign-in page that says nothing of admins
 * and keeps the email after a wrong password; the side navigation with the member's
 * groups and latest chats, and what is unread in each; a group they create, with its
 * privacy explained, its members (added by email) and its settings; the people directory
 * and a colleague's profile, from which a chat starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class MemberAppShellBrowserIntegrationTests {

	private static final String PASSWORD = "long-enough-password-1";

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.open(this.port, 1400, 1000);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void aMemberFindsTheirWayAroundTheirGroupsPeopleAndChats() {
		String suffix = Long.toString(System.nanoTime(), 36);
		Map<?, ?> grace = member("Grace Hopper " + suffix, Map.of("title", "Rear admiral", "department", "Navy"));
		Map<?, ?> ada = member("Ada Lovelace " + suffix,
				Map.of("title", "Analyst", "department", "Engines", "managerId", grace.get("id")));
		String adaEmail = (String) ada.get("email");

		// A wrong password: the page is Patchbay's, not the console's, and keeps the
		// email.
		this.browser.submitSignIn(adaEmail, "not-the-password");
		this.browser.waiting().until(ExpectedConditions.urlContains("/login?error"));
		assertThat(this.browser.find(By.id("email")).getAttribute("value")).isEqualTo(adaEmail);
		assertThat(this.browser.driver().getTitle()).doesNotContainIgnoringCase("admin");
		assertThat(this.browser.text(By.tagName("body"))).doesNotContainIgnoringCase("admin");
		this.browser.find(By.id("password")).sendKeys(PASSWORD);
		this.browser.click(By.id("sign-in"));
		this.browser.waiting().until(ExpectedConditions.urlMatches("/app$"));

		// Ada creates a closed group: she is its admin, it joins her side navigation.
		this.browser.click(By.cssSelector("details.card summary"));
		this.browser.find(By.name("name")).sendKeys("Engines " + suffix);
		this.browser.driver().findElement(By.cssSelector("select[name=privacy] option[value=CLOSED]")).click();
		this.browser.click(By.cssSelector("details.card button[type=submit]"));
		this.browser.waiting().until(ExpectedConditions.urlMatches("/app/groups/\\d+$"));
		String groupPath = this.browser.path();
		WebElement current = this.browser.find(By.cssSelector(".side-nav .nav-section a[aria-current=page]"));
		assertThat(current.getText()).isEqualTo("Engines " + suffix);
		assertThat(this.browser.text(By.cssSelector(".privacy-explained"))).contains("only its members");

		// Its members: an unknown email is refused with the email kept; Grace is added.
		this.browser.click(By.id("group-members-link"));
		this.browser.find(By.id("add-member")).sendKeys("nobody-" + suffix + "@example.com");
		this.browser.click(By.cssSelector("form.search button[type=submit]"));
		assertThat(this.browser.text(By.cssSelector("p.error"))).contains("No active member");
		WebElement field = this.browser.find(By.id("add-member"));
		assertThat(field.getAttribute("value")).isEqualTo("nobody-" + suffix + "@example.com");
		field.clear();
		field.sendKeys((String) grace.get("email"));
		this.browser.click(By.cssSelector("form.search button[type=submit]"));
		this.browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("group-members"), "Grace Hopper"));
		assertThat(this.browser.text(By.id("group-members"))).contains("Ada Lovelace", "Group admin");
		check("app-group-members");

		// Its settings: a name left empty is refused and what was typed stays.
		this.browser.get(groupPath);
		this.browser.click(By.id("group-settings-link"));
		WebElement name = this.browser.find(By.name("name"));
		name.clear();
		WebElement description = this.browser.find(By.name("description"));
		description.sendKeys("The analytical kind");
		this.browser.driver().findElement(By.cssSelector("input[name=privacy][value=SECRET]")).click();
		this.browser.driver()
			.executeScript("document.querySelector('#group-settings input[name=name]').removeAttribute('required')");
		this.browser.click(By.cssSelector("#group-settings button[type=submit]"));
		assertThat(this.browser.text(By.cssSelector("p.error"))).isNotEmpty();
		assertThat(this.browser.find(By.name("description")).getAttribute("value")).isEqualTo("The analytical kind");
		assertThat(this.browser.find(By.cssSelector("input[name=privacy][value=SECRET]")).isSelected()).isTrue();
		this.browser.find(By.name("name")).sendKeys("Difference engines " + suffix);
		this.browser.click(By.cssSelector("#group-settings button[type=submit]"));
		assertThat(this.browser.text(By.cssSelector("p.notice"))).isEqualTo("Settings saved.");
		assertThat(this.browser.text(By.cssSelector(".side-nav .nav-section")))
			.contains("Difference engines " + suffix);
		check("app-group-settings");

		// Grace posts: the group shows one unread post in Ada's navigation until she
		// opens it.
		String groupId = groupPath.substring("/app/groups/".length());
		TestClients.withoutCookies(this.port)
			.post()
			.uri("/api/v1/groups/{id}/posts", groupId)
			.headers((headers) -> headers.setBasicAuth((String) grace.get("email"), PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Nanoseconds, anyone?"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.browser.get("/app/people");
		By groupLink = By.cssSelector(".side-nav a[href='" + groupPath + "']");
		assertThat(this.browser.find(groupLink).getAttribute("class")).contains("unread");
		assertThat(this.browser.find(By.cssSelector(".side-nav a[href='" + groupPath + "'] .count")).getText())
			.isEqualTo("1");
		this.browser.click(groupLink);
		this.browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("feed"), "Nanoseconds"));
		assertThat(this.browser.find(groupLink).getAttribute("class")).doesNotContain("unread");
		assertThat(this.browser.all(By.cssSelector(".side-nav a[href='" + groupPath + "'] .count"))).isEmpty();

		// The directory finds Grace; her profile shows her report, Ada's shows her
		// manager.
		this.browser.click(By.cssSelector(".side-nav a[href='/app/people']"));
		this.browser.find(By.id("people-query")).sendKeys("Grace Hopper " + suffix);
		this.browser.click(By.cssSelector("form.search button[type=submit]"));
		this.browser.waiting().until(ExpectedConditions.urlContains("query="));
		assertThat(this.browser.find(By.id("people")).findElements(By.cssSelector(".person"))).hasSize(1);
		check("app-people");
		this.browser.click(By.linkText("Grace Hopper " + suffix));
		assertThat(this.browser.text(By.cssSelector(".profile"))).contains("Rear admiral", "Navy");
		assertThat(this.browser.text(By.id("reports"))).contains("Ada Lovelace " + suffix);
		check("app-profile");
		this.browser.click(By.linkText("Ada Lovelace " + suffix));
		assertThat(this.browser.text(By.id("manager"))).isEqualTo("Grace Hopper " + suffix);
		assertThat(this.browser.text(By.cssSelector(".profile"))).contains("This is you.");

		// A chat started from Grace's profile is among the recent chats; her answer
		// counts.
		this.browser.click(By.id("manager"));
		this.browser.click(By.id("message-person"));
		this.browser.waiting().until(ExpectedConditions.urlMatches("/app/chat/t_\\w+$"));
		String thread = this.browser.path().substring("/app/chat/".length());
		// Away from the thread, whose open page would read the answer as it arrives.
		this.browser.get("/app/people");
		RestTestClient asGrace = TestClients.withoutCookies(this.port)
			.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth((String) grace.get("email"), PASSWORD))
			.build();
		asGrace.post()
			.uri("/api/v1/threads/{id}/messages", thread)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("text", "Bug found"))
			.exchange()
			.expectStatus()
			.isCreated();
		this.browser.get("/app/people");
		WebElement chat = this.browser.find(By.cssSelector(".side-nav a[href='/app/chat/" + thread + "']"));
		assertThat(chat.getText()).contains("Grace Hopper " + suffix);
		assertThat(chat.getAttribute("class")).contains("unread");
		assertThat(chat.findElement(By.className("count")).getText()).isEqualTo("1");
	}

	/** The page fits the window at a desktop's width and a phone's, and passes axe. */
	private void check(String name) {
		for (int width : List.of(1400, 390)) {
			this.browser.driver().manage().window().setSize(new Dimension(width, 1000));
			BrowserChecks.screenshot(this.browser.driver(), "shell-" + name + "-" + width);
			BrowserChecks.assertNoHorizontalScrolling(this.browser.driver());
		}
		this.browser.driver().manage().window().setSize(new Dimension(1400, 1000));
		BrowserChecks.assertAccessible(this.browser.driver());
	}

	private Map<?, ?> member(String name, Map<String, Object> details) {
		Map<String, Object> body = new java.util.HashMap<>(details);
		body.put("name", name);
		body.put("email", name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.com");
		body.put("password", PASSWORD);
		return AdminApi.create(this.port, "/api/admin/members", body);
	}

}
