package io.patchbay.integrations.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.patchbay.integrations.Integration;
import io.patchbay.integrations.IntegrationChanges;
import io.patchbay.integrations.IntegrationLogos;
import io.patchbay.integrations.IntegrationSecrets;
import io.patchbay.integrations.IntegrationUsage;
import io.patchbay.integrations.Integrations;
import io.patchbay.integrations.Usage;
import io.patchbay.platform.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin REST API of the integrations registry ({@code integrations.md}).
 */
@RestController
@RequestMapping("/api/admin/integrations")
@PreAuthorize("hasAuthority('manage_integrations')")
class IntegrationAdminController {

	private final Integrations integrations;

	private final IntegrationSecrets secrets;

	private final IntegrationLogos logos;

	private final IntegrationUsage usage;

	IntegrationAdminController(Integrations integrations, IntegrationSecrets secrets, IntegrationLogos logos,
			IntegrationUsage usage) {
		this.integrations = integrations;
		this.secrets = secrets;
		this.logos = logos;
		this.usage = usage;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	IntegrationView create(@RequestBody IntegrationRequests.Create request) {
		Integration created = this.integrations.create(IntegrationRequests.required(request.name(), "name"),
				(request.description() != null) ? request.description() : "", IntegrationRequests.kind(request.kind()));
		return view(created);
	}

	@GetMapping
	Map<String, List<IntegrationView>> list() {
		Map<Long, Usage> figures = this.usage.all();
		return Map.of("data",
				this.integrations.all()
					.stream()
					.map((integration) -> IntegrationView.of(integration,
							figures.getOrDefault(integration.id(), IntegrationUsage.NONE)))
					.toList());
	}

	@GetMapping("/{id}")
	IntegrationView one(@PathVariable long id) {
		return view(find(id));
	}

	@PatchMapping("/{id}")
	IntegrationView edit(@PathVariable long id, @RequestBody IntegrationRequests.Edit request) {
		Integration updated = this.integrations.update(find(id).id(),
				new IntegrationChanges(request.name(), request.description(), request.enabled(), request.visible()));
		return view(updated);
	}

	@PutMapping("/{id}/logo")
	IntegrationView logo(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
		Integration integration = find(id);
		this.logos.change(integration, file.getBytes());
		return view(this.integrations.find(integration.id()));
	}

	@PostMapping("/{id}/access-token")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> createAccessToken(@PathVariable long id) {
		return Map.of("accessToken", this.secrets.createAccessToken(find(id)));
	}

	@DeleteMapping("/{id}/access-token")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeAccessToken(@PathVariable long id) {
		this.secrets.revokeAccessToken(find(id));
	}

	@GetMapping("/{id}/app-secret")
	Map<String, String> revealAppSecret(@PathVariable long id) {
		return Map.of("appSecret", this.secrets.revealAppSecret(find(id)));
	}

	@PostMapping("/{id}/app-secret")
	Map<String, String> resetAppSecret(@PathVariable long id) {
		return Map.of("appSecret", this.secrets.resetAppSecret(find(id)));
	}

	/** A request without {@code groupAccess} (or with null) leaves it as it is. */
	@PutMapping("/{id}/permissions")
	IntegrationView permissions(@PathVariable long id, @RequestBody IntegrationRequests.Permissions request,
			Authentication grantor) {
		if (request.permissions() == null) {
			throw new InvalidInputException("permissions", "permissions is required (a list, possibly empty)");
		}
		Integration updated = this.integrations.replacePermissions(find(id).id(), Set.copyOf(request.permissions()),
				IntegrationRequests.groupAccess(request.groupAccess()), IntegrationRequests.managesAccounts(grantor));
		return view(updated);
	}

	@PutMapping("/{id}/security")
	IntegrationView security(@PathVariable long id, @RequestBody IntegrationRequests.Security request) {
		Integration updated = this.integrations.replaceSecurity(find(id).id(),
				(request.allowedIps() != null) ? request.allowedIps() : List.of(),
				Boolean.TRUE.equals(request.requireAppSecretProof()),
				Boolean.TRUE.equals(request.requireAppSecretTime()));
		return view(updated);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id) {
		this.integrations.delete(find(id).id());
	}

	private IntegrationView view(Integration integration) {
		return IntegrationView.of(integration, this.usage.usage(integration.id()));
	}

	private Integration find(long id) {
		return this.integrations.find(id);
	}

}
