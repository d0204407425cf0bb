package io.patchbay;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the module arrows of ARCHITECTURE.md true: no cycles, no reaching into another
 * module's internals, and each module depends on exactly the modules listed here (and in
 * its {@code package-info.java}), so a new arrow is a decision, not an accident.
 */
class ModularityTests {

	/** Module to the modules it may use: the picture in ARCHITECTURE.md. */
	static final Map<String, Set<String>> ARROWS = Map.of("platform", Set.of(), "integrations", Set.of("platform"),
			"accounts", Set.of("platform", "integrations"), "community", Set.of("platform", "integrations", "accounts"),
			"chat", Set.of("platform", "integrations", "accounts"), "connections", Set.of("platform", "accounts"),
			"webhooks", Set.of("platform", "integrations", "accounts", "community", "chat"), "graph",
			Set.of("platform", "integrations", "accounts", "community", "chat", "webhooks"), "workflows",
			Set.of("platform", "accounts", "chat", "community", "connections"), "scim",
			Set.of("platform", "integrations", "accounts", "community"));

	private final ApplicationModules modules = ApplicationModules.of(PatchbayApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void eachModuleUsesExactlyTheModulesItIsAllowedTo() {
		Map<String, Set<String>> actual = this.modules.stream()
			.collect(Collectors.toMap((module) -> module.getIdentifier().toString(), this::dependencies));
		assertThat(actual).isEqualTo(ARROWS);
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	private Set<String> dependencies(ApplicationModule module) {
		return module.getDirectDependencies(this.modules)
			.stream()
			.map(ApplicationModuleDependency::getTargetModule)
			.map((target) -> target.getIdentifier().toString())
			.collect(Collectors.toSet());
	}

}
