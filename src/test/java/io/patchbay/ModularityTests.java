package io.patchbay;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module arrows of ARCHITECTURE.md true: no cycles, no reaching into another
 * module's internals.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PatchbayApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
