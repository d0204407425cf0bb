package io.patchbay.graph;

import io.patchbay.accounts.Actor;
import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.integrations.Permission;

/**
 * The checked caller of one Graph request: its integration, its parameters, the caller as
 * the feature modules know it (the integration's page), and what the request may still
 * spend on nested edges. Handed to the endpoints by {@link GraphGateway}.
 */
record GraphCaller(IntegrationPrincipal integration, GraphParameters parameters, Actor.Page actor, WorkBudget work) {

	GraphCaller(IntegrationPrincipal integration, GraphParameters parameters) {
		this(integration, parameters, Actor.page(integration), new WorkBudget());
	}

	/**
	 * Requires a permission for Graph data that no feature module guards (members'
	 * fields, the security log): error 10 for a read, 200 for a write.
	 */
	void require(Permission permission, boolean write) {
		if (!this.integration.holds(permission)) {
			throw GraphException.missingPermission(permission, write);
		}
	}

	Fields fields() {
		return Fields.parse(this.parameters.value("fields"));
	}

}
