package io.patchbay.community.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.patchbay.Chromium;
import io.patchbay.AdminApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member app in a real browser: an invited member sets a password, lands in the app,
 * posts with htmx, and sees a colleague's post arrive live without reloading.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class MemberAppBrowserIntegrationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	RestTestClient anonymous;

	@LocalServerPort
	int port;

	WebDriver browser;

	@BeforeEach
	void openBrowser() throws IOException {
		this.browser = Chromium.start(true);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anInvitedMemberPostsAndSeesAColleaguesPostArriveLive() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		Map<String, Object> invited = json(admin, "/api/admin/members",
				Map.of("email", "browser-" + System.nanoTime() + "@example.com", "name", "Margaret Hamilton"));
		String colleagueEmail = "colleague-" + System.nanoTime() + "@example.com";
		String colleagueId = (String) json(admin, "/api/admin/members",
				Map.of("email", colleagueEmail, "name", "Colleague", "password", "colleague-password-1"))
			.get("id");
		String group = (String) json(admin, "/api/admin/groups", Map.of("name", "Apollo", "privacy", "SECRET"))
			.get("id");
		AdminApi.addToGroup(this.port, group, invited.get("id"), colleagueId);

		this.browser.get(((String) invited.get("inviteUrl")).replaceFirst("localhost:\\d+", "localhost:" + this.port));
		this.browser.findElement(By.name("password")).sendKeys("lunar-module-guidance");
		this.browser.findElement(By.name("confirmation")).sendKeys("lunar-module-guidance");
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.browser.getCurrentUrl().endsWith("/app"));
		this.browser.findElement(By.linkText("Apollo")).click();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.browser.findElements(By.cssSelector("#live:not([hidden])")).isEmpty());

		this.browser.findElement(By.name("message")).sendKeys("Program alarm 1202: go");
		this.browser.findElement(By.cssSelector(".composer button[type=submit]")).click();
		await().atMost(Duration.ofSeconds(10))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> feedText().contains("Program alarm 1202: go"));
		String url = this.browser.getCurrentUrl();

		this.anonymous.post()
			.uri("/api/v1/groups/{id}/posts", group)
			.headers((headers) -> headers.setBasicAuth(colleagueEmail, "colleague-password-1"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", "Copy that, we are go"))
			.exchange()
			.expectStatus()
			.isCreated();
		await().atMost(Duration.ofSeconds(10))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> feedText().contains("Copy that, we are go"));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(url);
	}

	/**
	 * What the first walk-through found, in the browser: "Your groups" listed groups the
	 * member had not joined and an open group offered its post box to non-members; likes
	 * were not live; counts read "1 likes"; the webhooks' permalink led nowhere.
	 */
	@Test
	void theFirstWalkThroughsBugsStayFixed() {
		RestTestClient admin = AdminApi.asAdministrator(this.anonymous);
		String suffix = Long.toString(System.nanoTime(), 36);
		String email = "walk-" + suffix + "@example.com";
		String colleagueEmail = "walk-colleague-" + suffix + "@example.com";
		Object id = json(admin, "/api/admin/members",
				Map.of("email", email, "name", "Walker", "password", "walk-password-1"))
			.get("id");
		Object colleague = json(admin, "/api/admin/members",
				Map.of("email", colleagueEmail, "name", "Colleague", "password", "walk-password-2"))
			.get("id");
		String open = (String) json(admin, "/api/admin/groups", Map.of("name", "Open " + suffix, "privacy", "OPEN"))
			.get("id");
		String team = (String) json(admin, "/api/admin/groups", Map.of("name", "Team " + suffix, "privacy", "SECRET"))
			.get("id");
		AdminApi.addToGroup(this.port, team, id, colleague);
		RestTestClient asColleague = this.anonymous.mutate()
			.defaultHeaders((headers) -> headers.setBasicAuth(colleagueEmail, "walk-password-2"))
			.build();

		this.browser.get("http://localhost:" + this.port + "/login");
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys("walk-password-1");
		this.browser.findElement(By.id("sign-in")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.browser.getCurrentUrl().endsWith("/app"));
		String yours = this.browser.findElement(By.cssSelector("main ul.groups")).getText();
		assertThat(yours).contains("Team " + suffix).doesNotContain("Open " + suffix);
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Open " + suffix);

		// Not a member of the open group: no post box, a Join button.
		this.browser.findElement(By.linkText("Open " + suffix)).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.browser.findElements(By.id("feed")).isEmpty());
		assertThat(this.browser.findElements(By.cssSelector(".composer"))).isEmpty();
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Join group");

		// In the team's feed, a colleague's post, like and comment arrive live, in words.
		this.browser.findElement(By.cssSelector(".side-nav a[href='/app/groups/" + team + "']")).click();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.browser.findElements(By.cssSelector("#live:not([hidden])")).isEmpty());
		((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript("window.notReloaded = true");
		String post = (String) json(asColleague, "/api/v1/groups/" + team + "/posts", Map.of("message", "Ship it"))
			.get("id");
		await().atMost(Duration.ofSeconds(10))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> feedText().contains("Ship it") && feedText().contains("0 likes"));
		asColleague.post().uri("/api/v1/objects/{id}/likes", post).exchange().expectStatus().is2xxSuccessful();
		await().atMost(Duration.ofSeconds(10))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> feedText().contains("1 like") && !feedText().contains("1 likes"));
		json(asColleague, "/api/v1/posts/" + post + "/comments", Map.of("message", "Agreed"));
		await().atMost(Duration.ofSeconds(10))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> feedText().contains("1 comment") && !feedText().contains("1 comments"));
		assertThat(((org.openqa.selenium.JavascriptExecutor) this.browser).executeScript("return window.notReloaded"))
			.as("live, without a reload")
			.isEqualTo(true);

		// The permalink a webhook sends opens the post's own page, with its comment.
		this.browser.get("http://localhost:" + this.port + "/groups/" + team + "/posts/" + post);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.browser.getCurrentUrl().endsWith("/app/groups/" + team + "/posts/" + post));
		assertThat(feedText()).contains("Ship it", "Agreed");
		// And in French, the same counts in French plural forms.
		this.browser.get(this.browser.getCurrentUrl() + "?lang=fr");
		await().atMost(Duration.ofSeconds(10))
			.ignoreException(StaleElementReferenceException.class)
			.until(() -> feedText().contains("1 mention J’aime") && feedText().contains("1 commentaire"));
		assertThat(feedText()).doesNotContain("1 mentions", "1 commentaires");
	}

	/** The feed as shown; htmx may be swapping it in at this moment (stale element). */
	private String feedText() {
		return this.browser.findElement(By.id("feed")).getText();
	}

	private static Map<String, Object> json(RestTestClient client, String uri, Map<String, Object> body) {
		return client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
	}

}
