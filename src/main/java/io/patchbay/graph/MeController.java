package io.patchbay.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.patchbay.integrations.IntegrationKind;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.platform.PatchbayProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /me}: the integration's page.
 */
// Named: accounts.web has a MeController too, and two beans named "meController" stop
// the context from starting.
@RestController("graphMeController")
class MeController {

	private static final Set<String> FIELDS = Set.of("id", "name", "picture", "category");

	private final PatchbayProperties properties;

	MeController(PatchbayProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/graph/me")
	Map<String, Object> me(GraphCaller caller) {
		IntegrationPrincipal page = caller.integration();
		Map<String, Object> answer = new LinkedHashMap<>();
		for (Fields.Field field : caller.fields().orDefault("id", "name").allowOnly(FIELDS, "Page").fields()) {
			switch (field.name()) {
				case "id" -> answer.put("id", String.valueOf(page.pageId()));
				case "name" -> answer.put("name", page.name());
				case "category" -> answer.put("category", (page.kind() == IntegrationKind.BOT) ? "Bot" : "Integration");
				case "picture" -> answer.put("picture", Map.of("data",
						Map.of("url", page.hasLogo()
								? this.properties.baseUrl() + "/api/v1/integrations/" + page.id() + "/logo" : "",
								"is_silhouette", !page.hasLogo())));
				default -> throw GraphException.unknownField(field.name(), "Page");
			}
		}
		if (!answer.containsKey("id")) {
			answer.put("id", String.valueOf(page.pageId()));
		}
		return answer;
	}

}
