package io.patchbay.integrations;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry: creates, edits, configures and deletes integrations, with the spec's
 * rules and an audit entry for every change. The console and the admin API both come
 * here, so their rules cannot drift apart.
 */
@Service
@Transactional
public class Integrations {

	static final String AUDIT_TYPE = "integration";

	private static final Set<Permission> ACCOUNT_POWERS = Set.of(Permission.MANAGE_ACCOUNTS,
			Permission.MANAGE_WORK_PROFILES);

	private final IntegrationRepository repository;

	private final IntegrationSecrets secrets;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Ids ids;

	private final Clock clock;

	Integrations(IntegrationRepository repository, IntegrationSecrets secrets, AuditLog audit,
			ApplicationEventPublisher events, Ids ids, Clock clock) {
		this.repository = repository;
		this.secrets = secrets;
		this.audit = audit;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	public Integration create(String name, String description, IntegrationKind kind) {
		String checkedName = checkName(name, 0);
		String checkedDescription = checkDescription(description);
		boolean bot = kind == IntegrationKind.BOT;
		Instant now = this.clock.instant();
		Set<Permission> permissions = bot ? EnumSet.of(Permission.MESSAGE_ANY_MEMBER) : Set.of();
		Integration integration = new Integration(this.ids.next(), this.ids.next(), this.ids.next(), kind, checkedName,
				checkedDescription, true, bot, permissions, GroupAccess.ALL, SecuritySettings.OPEN, false, false, null,
				now, now);
		this.repository.insert(integration, this.secrets.newEncryptedAppSecret(integration.id()));
		this.audit.record("integration.created", AUDIT_TYPE, String.valueOf(integration.id()), checkedName,
				"kind=" + kind);
		return integration;
	}

	@Transactional(readOnly = true)
	public List<Integration> all() {
		return this.repository.findAll();
	}

	/**
	 * The integrations whose name contains the query (ignoring case) or whose app id or
	 * page id it is; all of them for a blank query. The registry is small (one row per
	 * tool a company connects), so it is filtered as read.
	 */
	@Transactional(readOnly = true)
	public List<Integration> search(@Nullable String query) {
		if (query == null || query.isBlank()) {
			return all();
		}
		String wanted = query.strip().toLowerCase(Locale.ROOT);
		return all().stream()
			.filter((integration) -> integration.name().toLowerCase(Locale.ROOT).contains(wanted)
					|| String.valueOf(integration.appId()).equals(wanted)
					|| String.valueOf(integration.pageId()).equals(wanted))
			.toList();
	}

	@Transactional(readOnly = true)
	public Integration find(long id) {
		return this.repository.findById(id).orElseThrow(() -> new NotFoundException("Integration", String.valueOf(id)));
	}

	/**
	 * The integration whose page this is: the bot members chat with, the author of its
	 * posts.
	 */
	@Transactional(readOnly = true)
	public Optional<Integration> findByPageId(long pageId) {
		return this.repository.findByPageId(pageId);
	}

	public Integration update(long id, IntegrationChanges changes) {
		Integration current = find(id);
		String name = (changes.name() != null) ? checkName(changes.name(), id) : current.name();
		String description = (changes.description() != null) ? checkDescription(changes.description())
				: current.description();
		boolean enabled = (changes.enabled() != null) ? changes.enabled() : current.enabled();
		boolean visible = (changes.visible() != null) ? changes.visible() : current.visible();
		String disabledReason = enabled ? null : current.disabledReason();
		this.repository.updateDetails(id, name, description, enabled, visible, disabledReason, this.clock.instant());
		this.events.publishEvent(new IntegrationChanged(id));
		this.audit.record("integration.updated", AUDIT_TYPE, String.valueOf(id), name,
				describeChanges(current, name, description, enabled, visible));
		return find(id);
	}

	/**
	 * Replaces the permissions and, when given, the group access; {@code null} leaves the
	 * group access as it is, so that a request that forgets it cannot widen it to every
	 * group. The powers over accounts ({@code manage_accounts},
	 * {@code manage_work_profiles}) are granted only by an administrator who manages
	 * accounts: otherwise holding {@code manage_integrations} would lead to provisioning
	 * accounts through SCIM.
	 * @param grantorManagesAccounts whether the acting administrator holds
	 * {@code manage_accounts}
	 */
	public Integration replacePermissions(long id, Set<String> permissionNames, @Nullable GroupAccess groupAccess,
			boolean grantorManagesAccounts) {
		Integration current = find(id);
		GroupAccess access = (groupAccess != null) ? groupAccess : current.groupAccess();
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String name : permissionNames) {
			permissions.add(Permission.of(name)
				.orElseThrow(() -> new InvalidInputException("permissions", "Unknown permission '" + name + "'")));
		}
		if (!grantorManagesAccounts) {
			for (Permission power : ACCOUNT_POWERS) {
				if (permissions.contains(power) && !current.permissions().contains(power)) {
					throw new AccessRefusedException(
							"Granting " + power.apiName() + " needs the manage_accounts admin permission");
				}
			}
		}
		this.repository.replacePermissions(id, permissions);
		this.repository.replaceGroupAccess(id, access);
		this.repository.touch(id, this.clock.instant());
		this.events.publishEvent(new IntegrationChanged(id));
		this.audit.record("integration.permissions_changed", AUDIT_TYPE, String.valueOf(id), current.name(),
				"permissions=" + permissions.stream().map(Permission::apiName).sorted().toList() + " groupAccess="
						+ (access.all() ? "ALL" : access.groupIds()));
		return find(id);
	}

	/**
	 * Replaces where calls may come from and what proof they carry. The time is signed
	 * into the proof, so requiring it without the proof would require nothing.
	 */
	public Integration replaceSecurity(long id, List<String> allowedIps, boolean requireAppSecretProof,
			boolean requireAppSecretTime) {
		Integration current = find(id);
		if (requireAppSecretTime && !requireAppSecretProof) {
			throw new InvalidInputException("requireAppSecretTime",
					"Requiring the time in the proof (requireAppSecretTime) needs the app secret proof "
							+ "(requireAppSecretProof): the time is signed into the proof");
		}
		Set<String> normalized = new LinkedHashSet<>();
		for (String entry : allowedIps) {
			if (!entry.isBlank()) {
				normalized.add(AddressBlocks.normalize(entry));
			}
		}
		if (normalized.size() > 100) {
			throw new InvalidInputException("allowedIps", "At most 100 addresses or blocks");
		}
		SecuritySettings security = new SecuritySettings(List.copyOf(normalized), requireAppSecretProof,
				requireAppSecretTime);
		this.repository.updateSecurity(id, security);
		this.repository.touch(id, this.clock.instant());
		this.events.publishEvent(new IntegrationChanged(id));
		this.audit.record("integration.security_changed", AUDIT_TYPE, String.valueOf(id), current.name(),
				"allowedIps=" + security.allowedIps() + " requireAppSecretProof=" + requireAppSecretProof
						+ " requireAppSecretTime=" + requireAppSecretTime);
		return find(id);
	}

	/**
	 * Deletes the integration and, through {@link IntegrationDeleted}, everything it
	 * made.
	 */
	public void delete(long id) {
		Integration current = find(id);
		this.events.publishEvent(new IntegrationDeleted(id, current.pageId(), current.name()));
		this.events.publishEvent(new IntegrationChanged(id));
		this.repository.delete(id);
		this.audit.record("integration.deleted", AUDIT_TYPE, String.valueOf(id), current.name(), null);
	}

	private String checkName(String name, long exceptId) {
		String stripped = name.strip();
		if (stripped.isEmpty() || stripped.length() > 100) {
			throw new InvalidInputException("name", "The name must be 1 to 100 characters");
		}
		if (this.repository.nameTaken(stripped, exceptId)) {
			throw new ConflictException("name", "An integration named '" + stripped + "' already exists");
		}
		return stripped;
	}

	private static String checkDescription(String description) {
		String stripped = description.strip();
		if (stripped.length() > 500) {
			throw new InvalidInputException("description", "The description must be at most 500 characters");
		}
		return stripped;
	}

	private static String describeChanges(Integration current, String name, String description, boolean enabled,
			boolean visible) {
		return java.util.stream.Stream
			.of(name.equals(current.name()) ? null : "name",
					description.equals(current.description()) ? null : "description",
					(enabled == current.enabled()) ? null : "enabled=" + enabled,
					(visible == current.visible()) ? null : "visible=" + visible)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.joining(" "));
	}

}
