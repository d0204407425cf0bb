package io.patchbay.accounts;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import io.patchbay.platform.Mode;
import io.patchbay.platform.PatchbayProperties;
import io.patchbay.platform.StartupRefusedException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class BootstrapAdministratorTests {

	@Test
	void aBootstrapPasswordLongerThanBcryptReadsStopsTheStartWithAClearMessage() {
		Members members = mock(Members.class);
		PatchbayProperties properties = new PatchbayProperties(Mode.DEV, Path.of("data"),
				URI.create("http://localhost"), null, false, "admin@example.com", "long-".repeat(15), List.of(),
				List.of());
		assertThatThrownBy(() -> new BootstrapAdministrator(members, properties).run(new DefaultApplicationArguments()))
			.isInstanceOf(StartupRefusedException.class)
			.hasMessageContaining("PATCHBAY_ADMIN_PASSWORD");
		verify(members).anyAdministrator();
		verifyNoMoreInteractions(members);
	}

}
