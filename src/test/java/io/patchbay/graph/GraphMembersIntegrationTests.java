package io.patchbay.graph;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.client.RestTestClient;

import static io.patchbay.graph.GraphTestSetup.expectError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The community, its members, their profiles and org chart, and the security log through
 * the Graph API: fields the integration may not read are left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class GraphMembersIntegrationTests {

	@Autowired
	RestTestClient client;

	GraphTestSetup graph;

	String boss;

	String ada;

	@BeforeEach
	void setUp() {
		this.graph = new GraphTestSetup(this.client, "CUSTOM");
		this.boss = this.graph.member("Grace", Map.of("title", "CTO"));
		this.ada = this.graph.member("Ada", Map.of("title", "Engineer", "department", "R&D", "managerId", this.boss,
				"externalId", "ext-" + GraphTestSetup.unique()));
	}

	@Test
	void readsTheCommunityWithReadOrManageGroup() {
		expectError(this.graph.get("/graph/community"), 403, 10, null);
		this.graph.permissions("manage_group");
		Map<String, Object> community = this.graph.json(this.graph.get("/graph/community"));
		assertThat(community).containsKeys("id", "name").containsEntry("privacy", "CLOSED");
		this.graph.get("/graph/company?fields=name").expectStatus().isOk();
		expectError(this.graph.get("/graph/community?fields=secret"), 400, 100, null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void readsMembersWithTheFieldsItsPermissionsAllow() {
		String fields = "?fields=id,name,email,title,department,active,external_id,updated_time";
		expectError(this.graph.get("/graph/{id}" + fields, this.ada), 403, 10, null);
		this.graph.permissions("read_group_membership");
		Map<String, Object> bare = this.graph.json(this.graph.get("/graph/{id}" + fields, this.ada));
		assertThat(bare).containsEntry("id", this.ada)
			.containsEntry("name", "Ada")
			.containsEntry("active", true)
			.doesNotContainKeys("email", "title", "department");
		assertThat(this.graph.json(this.graph.get("/graph/{id}", this.ada))).containsOnlyKeys("id", "name");
		expectError(this.graph.get("/graph/ada@example.com"), 403, 10, null);
		expectError(this.graph.get("/graph/community/members?email=ada@example.com"), 403, 10, null);

		this.graph.permissions("read_group_membership", "read_user_email", "read_work_profile");
		Map<String, Object> full = this.graph.json(this.graph.get("/graph/{id}" + fields, this.ada));
		assertThat(full).containsEntry("title", "Engineer").containsEntry("department", "R&D").containsKey("email");
		String email = (String) full.get("email");
		this.graph.get("/graph/{email}", email).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(this.ada);

		Map<String, Object> many = this.graph.json(this.graph.get("/graph/?ids={a},{b}", this.ada, email));
		assertThat(many).containsOnlyKeys(this.ada, email);
		expectError(this.graph.get("/graph/?ids={a},42", this.ada), 400, 100, 33);
		expectError(this.graph.get("/graph/{id}?fields=id,shoe_size", this.ada), 400, 100, null);
		expectError(this.graph.get("/graph/nobody@example.com"), 400, 100, 33);

		Map<String, Object> byEmail = this.graph.json(this.graph.get("/graph/community/members?email={e}", email));
		assertThat((List<Map<String, Object>>) byEmail.get("data")).singleElement()
			.satisfies((member) -> assertThat(member).containsEntry("id", this.ada));
	}

	@Test
	@SuppressWarnings("unchecked")
	void pagesCommunityMembersWithNextLinksThatRepeatTheParameters() {
		this.graph.permissions("read_group_membership");
		String next = "/graph/community/members?limit=2&access_token=" + this.graph.token;
		int pages = 0;
		List<Object> seen = new java.util.ArrayList<>();
		while (next != null && pages < 500) {
			Map<String, Object> page = this.graph.json(this.client.get()
				.uri(java.net.URI.create(next.startsWith("http") ? next : "http://localhost:" + port() + next))
				.exchange());
			List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
			assertThat(data.size()).isLessThanOrEqualTo(2);
			data.forEach((member) -> seen.add(member.get("id")));
			Map<String, Object> paging = (Map<String, Object>) page.get("paging");
			next = (paging != null) ? (String) paging.get("next") : null;
			if (next != null) {
				assertThat(next).startsWith("http://localhost:").contains("access_token=").contains("limit=2");
			}
			pages++;
		}
		assertThat(seen).contains(this.ada, this.boss).doesNotHaveDuplicates();
		assertThat(pages).isGreaterThan(1);
		expectError(this.graph.get("/graph/community/members?after=not-a-cursor"), 400, 100, null);
		expectError(this.graph.get("/graph/community/members?before=not-a-cursor"), 400, 100, null);
	}

	@Test
	@SuppressWarnings("unchecked")
	void pagesCommunityMembersBackWithPreviousLinks() {
		this.graph.permissions("read_group_membership");
		Map<String, Object> first = page("/graph/community/members?limit=2&access_token=" + this.graph.token);
		Map<String, Object> firstPaging = (Map<String, Object>) first.get("paging");
		assertThat(firstPaging).doesNotContainKey("previous");
		Map<String, Object> second = page((String) firstPaging.get("next"));
		assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
		String previous = (String) ((Map<String, Object>) second.get("paging")).get("previous");
		assertThat(previous).startsWith("http://localhost:")
			.contains("access_token=")
			.contains("limit=2")
			.contains("before=");
		Map<String, Object> back = page(previous);
		assertThat(ids(back)).containsExactlyElementsOf(ids(first));
		assertThat((Map<String, Object>) back.get("paging")).doesNotContainKey("previous")
			.containsEntry("next", firstPaging.get("next"));
	}

	private Map<String, Object> page(String link) {
		return this.graph.json(this.client.get()
			.uri(java.net.URI.create(link.startsWith("http") ? link : "http://localhost:" + port() + link))
			.exchange());
	}

	private static List<Object> ids(Map<String, Object> page) {
		return ((List<?>) page.get("data")).stream().<Object>map((item) -> ((Map<?, ?>) item).get("id")).toList();
	}

	@Test
	void updatesProfilesAndReadsTheOrgChart() {
		expectError(this.graph.post("/graph/{id}", Map.of("title", "Principal"), this.ada), 403, 200, null);
		expectError(this.graph.get("/graph/{id}/managers", this.ada), 403, 10, null);
		this.graph.permissions("manage_work_profiles", "read_work_profile", "read_org_chart", "read_group_membership");
		assertThat(this.graph.json(this.graph.post("/graph/{id}", Map.of("title", "Principal"), this.ada)))
			.containsEntry("success", true);
		this.graph.get("/graph/{id}?fields=title", this.ada).expectBody().jsonPath("$.title").isEqualTo("Principal");
		// The audit log names the integration that made the change.
		this.graph.admin.get()
			.uri("/api/admin/audit?limit=1")
			.exchange()
			.expectBody()
			.jsonPath("$.data[0].action")
			.isEqualTo("member.updated")
			.jsonPath("$.data[0].actorName")
			.isEqualTo("integration " + this.graph.id + " (" + this.graph.name + ")");
		this.graph.get("/graph/{id}/managers", this.ada)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(this.boss);
		this.graph.get("/graph/{id}/reports", this.boss)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].id")
			.isEqualTo(this.ada);
		expectError(this.graph.get("/graph/42/managers"), 400, 100, 33);
		expectError(this.graph.post("/graph/{id}", Map.of("manager", "abc"), this.ada), 400, 100, null);
	}

	@Test
	void readsTheSecurityLogNewestFirst() {
		expectError(this.graph.get("/graph/community/security_logs"), 403, 10, null);
		this.graph.permissions("read_security_logs");
		this.graph.get("/graph/community/security_logs?limit=5")
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data[0].event_type")
			.isEqualTo("integration.permissions_changed")
			.jsonPath("$.data[0].target.id")
			.isEqualTo(this.graph.id)
			.jsonPath("$.data.length()")
			.isEqualTo(5);
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	int port() {
		return this.port;
	}

}
