package io.patchbay.integrations.web;

import java.time.Instant;
import java.util.List;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.Permission;
import io.patchbay.integrations.Usage;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shape of an integration in the admin API: ids as decimal strings, group access
 * as {@code "ALL"} or a list of group ids.
 */
record IntegrationView(String id, String appId, String pageId, String kind, String name, String description,
		boolean enabled, boolean visible, List<String> permissions, Object groupAccess, SecurityView security,
		@Nullable String logoUrl, boolean hasAccessToken, @Nullable String disabledReason, Instant createdAt,
		Instant updatedAt, @Nullable UsageView usage) {

	record SecurityView(List<String> allowedIps, boolean requireAppSecretProof, boolean requireAppSecretTime) {
	}

	record UsageView(@Nullable String lastRequestDate, long requestsLast7Days) {
	}

	static IntegrationView of(Integration integration, @Nullable Usage usage) {
		Object groupAccess = integration.groupAccess().all() ? "ALL"
				: integration.groupAccess().groupIds().stream().map(String::valueOf).toList();
		return new IntegrationView(String.valueOf(integration.id()), String.valueOf(integration.appId()),
				String.valueOf(integration.pageId()), integration.kind().name(), integration.name(),
				integration.description(), integration.enabled(), integration.visible(),
				integration.permissions().stream().map(Permission::apiName).sorted().toList(), groupAccess,
				new SecurityView(integration.security().allowedIps(), integration.security().requireAppSecretProof(),
						integration.security().requireAppSecretTime()),
				integration.hasLogo() ? "/api/v1/integrations/" + integration.id() + "/logo" : null,
				integration.hasAccessToken(), integration.disabledReason(), integration.createdAt(),
				integration.updatedAt(),
				(usage != null)
						? new UsageView((usage.lastRequestDate() != null) ? usage.lastRequestDate().toString() : null,
								usage.requestsLast7Days())
						: null);
	}

}
