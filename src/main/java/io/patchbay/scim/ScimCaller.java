package io.patchbay.scim;

import io.patchbay.accounts.Actor;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.platform.AuditedPrincipal;

/**
 * The checked caller of one SCIM request: the integration, acting as its page. Also the
 * authenticated principal, so that the audit log names the integration's page.
 */
record ScimCaller(IntegrationPrincipal integration, Actor.Page actor) implements AuditedPrincipal {

	ScimCaller(IntegrationPrincipal integration) {
		this(integration, Actor.page(integration));
	}

	@Override
	public long auditId() {
		return this.integration.pageId();
	}

	@Override
	public String auditName() {
		return "integration " + this.integration.id() + " (" + this.integration.name() + ")";
	}

}
