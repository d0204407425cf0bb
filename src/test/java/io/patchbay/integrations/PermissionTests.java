package io.patchbay.integrations;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionTests {

	/**
	 * A group's content and its membership reach only the groups of the integration's
	 * group access; the community's member list is no group's and is not limited.
	 */
	@Test
	void theGroupPermissionsAreTheOnesThatNameAGroup() {
		assertThat(Arrays.stream(Permission.values()).filter(Permission::groupScoped).map(Permission::apiName))
			.containsExactlyInAnyOrder("read_group", "write_group", "manage_group", "read_group_membership");
	}

}
