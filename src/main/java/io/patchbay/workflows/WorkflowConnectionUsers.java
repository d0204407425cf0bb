package io.patchbay.workflows;

import java.util.List;

import io.patchbay.connections.ConnectionUsers;

import org.springframework.stereotype.Component;

/** Tells the connections module which published workflows call through a connection. */
@Component
class WorkflowConnectionUsers implements ConnectionUsers {

	private final WorkflowRepository workflows;

	WorkflowConnectionUsers(WorkflowRepository workflows) {
		this.workflows = workflows;
	}

	@Override
	public List<String> using(String nameKey) {
		return this.workflows.publishedUsing(nameKey);
	}

}
