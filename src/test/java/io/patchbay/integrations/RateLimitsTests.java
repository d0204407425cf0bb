package io.patchbay.integrations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitsTests {

	@Test
	void allowsTheHourlyLimitPerIntegrationAndReportsTheShareUsed() {
		RateLimits limits = new RateLimits(new CallLimitProperties(4));

		assertThat(limits.percentUsed(1)).isZero();
		assertThat(limits.tryCall(1)).isTrue();
		assertThat(limits.tryCall(1)).isTrue();
		assertThat(limits.percentUsed(1)).isEqualTo(50);
		assertThat(limits.tryCall(1)).isTrue();
		assertThat(limits.tryCall(1)).isTrue();
		assertThat(limits.tryCall(1)).isFalse();
		assertThat(limits.percentUsed(1)).isEqualTo(100);
		assertThat(limits.tryCall(2)).as("another integration has its own allowance").isTrue();
	}

}
