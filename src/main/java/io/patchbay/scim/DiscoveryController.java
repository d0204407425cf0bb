package io.patchbay.scim;

import java.beans.IntrospectionException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Meta;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this SCIM service supports (RFC 7644 section 4): {@code /ServiceProviderConfig},
 * {@code /ResourceTypes} and {@code /Schemas}. The schemas are the SCIM SDK's definitions
 * of the standard ones, cut down to the attributes Patchbay keeps.
 */
@RestController
@RequestMapping(ScimConfiguration.BASE)
class DiscoveryController {

	private static final Map<Class<?>, Set<String>> KEPT = Map.of(UserResource.class,
			Set.of("userName", "name", "displayName", "title", "locale", "preferredLanguage", "active", "emails",
					"phoneNumbers", "addresses"),
			EnterpriseUserExtension.class,
			Set.of("employeeNumber", "department", "division", "organization", "manager"), GroupResource.class,
			Set.of("displayName", "members"));

	private final URI base;

	private final List<SchemaResource> schemas;

	DiscoveryController(UserDocuments users) throws IntrospectionException {
		this.base = users.base();
		this.schemas = List.of(schema(UserResource.class), schema(EnterpriseUserExtension.class),
				schema(GroupResource.class));
	}

	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<byte[]> serviceProviderConfig(ScimCaller caller) {
		ServiceProviderConfigResource config = new ServiceProviderConfigResource(
				"https://datatracker.ietf.org/doc/html/rfc7644", new PatchConfig(true), new BulkConfig(false, 0, 0),
				new FilterConfig(true, Paging.MAX_COUNT), new ChangePasswordConfig(false), new SortConfig(false),
				new ETagConfig(true), List.of(AuthenticationScheme.createOAuth2BearerToken(true)));
		config.setMeta(meta("ServiceProviderConfig", "/ServiceProviderConfig"));
		return ScimJson.answer(HttpStatus.OK, config);
	}

	@GetMapping("/ResourceTypes")
	ResponseEntity<byte[]> resourceTypes(ScimCaller caller) {
		List<ResourceTypeResource> types = List.of(user(), group());
		return ScimJson.answer(HttpStatus.OK, new ListResponse<>(types.size(), types, 1, types.size()));
	}

	@GetMapping("/ResourceTypes/{name}")
	ResponseEntity<byte[]> resourceType(ScimCaller caller, @PathVariable String name) throws ScimException {
		return switch (name) {
			case "User" -> ScimJson.answer(HttpStatus.OK, user());
			case "Group" -> ScimJson.answer(HttpStatus.OK, group());
			default -> throw new ResourceNotFoundException("No resource type " + name);
		};
	}

	@GetMapping("/Schemas")
	ResponseEntity<byte[]> schemas(ScimCaller caller) {
		return ScimJson.answer(HttpStatus.OK,
				new ListResponse<>(this.schemas.size(), this.schemas, 1, this.schemas.size()));
	}

	@GetMapping("/Schemas/{id}")
	ResponseEntity<byte[]> schema(ScimCaller caller, @PathVariable String id) throws ScimException {
		return this.schemas.stream()
			.filter((schema) -> schema.getId().equalsIgnoreCase(id))
			.findFirst()
			.map((schema) -> ScimJson.answer(HttpStatus.OK, schema))
			.orElseThrow(() -> new ResourceNotFoundException("No schema " + id));
	}

	private ResourceTypeResource user() {
		ResourceTypeResource type = new ResourceTypeResource("User", "User", "A member of the community",
				URI.create("/Users"), URI.create(UserDocuments.USER),
				List.of(new ResourceTypeResource.SchemaExtension(URI.create(UserDocuments.ENTERPRISE), false)));
		type.setMeta(meta("ResourceType", "/ResourceTypes/User"));
		return type;
	}

	private ResourceTypeResource group() {
		ResourceTypeResource type = new ResourceTypeResource("Group", "Group", "A group of the community",
				URI.create("/Groups"), URI.create(GroupDocuments.GROUP), List.of());
		type.setMeta(meta("ResourceType", "/ResourceTypes/Group"));
		return type;
	}

	private Meta meta(String resourceType, String path) {
		Meta meta = new Meta();
		meta.setResourceType(resourceType);
		meta.setLocation(URI.create(this.base + path));
		return meta;
	}

	private static SchemaResource schema(Class<?> type) throws IntrospectionException {
		SchemaResource full = SchemaUtils.getSchema(type);
		Set<String> kept = KEPT.get(type);
		List<AttributeDefinition> attributes = full.getAttributes()
			.stream()
			.filter((attribute) -> kept.stream().anyMatch((name) -> name.equalsIgnoreCase(attribute.getName())))
			.toList();
		return new SchemaResource(full.getId(), full.getName(), full.getDescription(), attributes);
	}

}
