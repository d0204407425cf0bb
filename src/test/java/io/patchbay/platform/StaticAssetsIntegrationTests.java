package io.patchbay.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages link their styles and scripts by content-hashed URLs, served compressed and
 * cacheable for a year; the API reference is one document per API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetsIntegrationTests {

	/** Our own files carry a hash of their content; a web jar's, its version. */
	private static final Pattern ASSET = Pattern.compile(
			"(?:href|src)=\"(/(?:css|js)/[^\"]+-[0-9a-f]{32}\\.(?:css|js)|/webjars/[^/\"]+/\\d+\\.\\d+\\.\\d+/[^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void assetsHaveVersionedUrlsAndAreCompressedAndCacheable() throws Exception {
		String page = get("/login", "identity").body();
		Matcher assets = ASSET.matcher(page);
		List<String> urls = assets.results().map((match) -> match.group(1)).toList();
		assertThat(urls)
			.as("the sign-in page's stylesheet, htmx and console script in %s",
					Pattern.compile("(?:href|src)=\"[^\"]+\"").matcher(page).results().map(MatchResult::group).toList())
			.hasSize(4)
			.anyMatch((url) -> url.startsWith("/webjars/htmx.org/"));
		for (String url : urls) {
			HttpResponse<String> asset = get(url, "gzip");
			assertThat(asset.statusCode()).as(url).isEqualTo(200);
			// Compressed unless too small to gain from it (under Tomcat's 2 KiB).
			if (get(url, "identity").body().length() >= 2048) {
				assertThat(asset.headers().firstValue("Content-Encoding")).as(url).hasValue("gzip");
			}
			assertThat(asset.headers().firstValue("Cache-Control")).as(url)
				.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000", "public"));
		}
	}

	@Test
	void theApiReferenceIsTitledAndGroupedByApi() throws Exception {
		HttpResponse<String> config = get("/v3/api-docs/swagger-config", "identity");
		assertThat(config.body()).contains("Admin API (/api/admin)", "Member API (/api/v1)", "Graph API (/graph)",
				"SCIM 2.0 (/scim/v2)");
		HttpResponse<String> graph = get("/v3/api-docs/graph-api", "identity");
		assertThat(graph.statusCode()).isEqualTo(200);
		assertThat(graph.body()).contains("\"title\":\"Patchbay API\"", "/graph/{id}/feed")
			.doesNotContain("/api/admin/");
	}

	private HttpResponse<String> get(String path, String encoding) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept-Encoding", encoding)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
