package io.patchbay.platform;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import io.patchbay.AdminApi;
import io.patchbay.TestClients;
import org.junit.jupiter.api.Test;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin and member APIs read at most 1 MiB of request body, as the Graph API does:
 * more, announced or streamed, is a 413 problem detail. Uploads keep the multipart
 * limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class ApiBodyLimitIntegrationTests {

	private static final int MIB = 1024 * 1024;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aBodyAnnouncedOverOneMebibyteIsRefusedWith413() throws Exception {
		HttpResponse<String> answer = this.http.send(
				post("/api/admin/members", HttpRequest.BodyPublishers.ofByteArray(json(MIB + 1))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
		assertThat(answer.body()).contains("1 MiB");
	}

	@Test
	void aStreamedBodyThatGrowsPastOneMebibyteIsRefusedWith413() throws Exception {
		byte[] body = json(MIB + 100);
		HttpResponse<String> answer = this.http.send(
				post("/api/v1/groups/1/posts",
						HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.body()).contains("1 MiB");

		HttpResponse<String> small = this.http.send(post("/api/admin/members",
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
						"{\"email\":\"streamed-%d@example.com\",\"name\":\"Streamed\"}".formatted(System.nanoTime())
							.getBytes(StandardCharsets.UTF_8)))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(small.statusCode()).isEqualTo(201);
	}

	@Test
	void aLogoUploadLargerThanOneMebibyteInAllStillWorks() throws IOException {
		RestTestClient admin = AdminApi.asAdministrator(TestClients.withoutCookies(this.port));
		String id = (String) admin.post()
			.uri("/api/admin/integrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("name", "Big form " + System.nanoTime(), "kind", "BOT"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("id");
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB), "png", png);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(png.toByteArray()) {
			@Override
			public String getFilename() {
				return "logo.png";
			}
		});
		body.add("note", "n".repeat(MIB + 1000));
		admin.put()
			.uri("/api/admin/integrations/{id}/logo", id)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** A JSON object of exactly {@code size} bytes. */
	private static byte[] json(int size) {
		String head = "{\"message\":\"";
		String tail = "\"}";
		return (head + "m".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
	}

	private HttpRequest post(String path, HttpRequest.BodyPublisher body) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((AdminApi.EMAIL + ":" + AdminApi.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(body)
			.build();
	}

}
