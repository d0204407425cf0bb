package io.patchbay.graph;

import io.patchbay.integrations.IntegrationPrincipal;
import io.patchbay.integrations.Permission;

/**
 * The checked caller of one Graph request: its integration and its parameters. Handed to
 * the endpoints by {@link GraphGateway}.
 */
record GraphCaller(IntegrationPrincipal integration, GraphParameters parameters) {

	/** Requires a permission: error 10 for a read, 200 for a write. */
	void require(Permission permission, boolean write) {
		if (!this.integration.holds(permission)) {
			throw GraphException.missingPermission(permission, write);
		}
	}

	Fields fields() {
		return Fields.parse(this.parameters.value("fields"));
	}

}
