package io.patchbay.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.patchbay.platform.AuditLog;
import io.patchbay.platform.ConflictException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.NotFoundException;
import io.patchbay.platform.PageRequest;
import io.patchbay.platform.PatchbayProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's members and their admin permissions: creation and invitation, profiles,
 * deactivation, and what sign-in needs. The admin API, the member app, SCIM and the Graph
 * API all come here, so their rules cannot drift apart. Changes take the acting
 * administrator (or integration), whose rights {@link AdministratorRules} checks.
 */
@Service
@Transactional
public class Members {

	static final String AUDIT_TYPE = "member";

	private final MemberRepository rows;

	private final InvitationRepository invitations;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final PatchbayProperties properties;

	private final Ids ids;

	private final Clock clock;

	private final PasswordEncoder passwordEncoder;

	private final EmailDomains domains;

	Members(MemberRepository rows, InvitationRepository invitations, AuditLog audit, ApplicationEventPublisher events,
			PatchbayProperties properties, Ids ids, Clock clock, PasswordEncoder passwordEncoder,
			EmailDomains domains) {
		this.rows = rows;
		this.invitations = invitations;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.ids = ids;
		this.clock = clock;
		this.passwordEncoder = passwordEncoder;
		this.domains = domains;
	}

	@Transactional(readOnly = true)
	public boolean anyAdministrator() {
		return this.rows.anyAdministrator();
	}

	/** The bootstrap administrator (and test fixtures): no actor, no rules. */
	public long createAdministrator(String email, String name, String password, Set<AdminPermission> permissions) {
		long id = this.ids.next();
		this.rows.insert(id, MemberDetails.of(email, name), this.passwordEncoder.encode(password),
				this.clock.instant());
		this.rows.replacePermissions(id, permissions);
		return id;
	}

	/**
	 * Creates a member. With a password (dev mode only) the account is ready at once;
	 * otherwise an administrator's answer carries a single-use invitation link valid 14
	 * days. An identity provider (SCIM) gets no link: its people sign in through single
	 * sign-on, or an administrator invites them later.
	 */
	public CreatedMember create(Actor actor, MemberDetails details, @Nullable String password) {
		AdministratorRules.mayCreate(actor);
		MemberDetails checked = ProfileRules.forNew(details);
		this.domains.requireAllowed(checked.email());
		if (password != null && this.properties.production()) {
			throw new InvalidInputException("password",
					"A password can be set directly only in dev mode; send the invitation link instead");
		}
		if (password != null) {
			PasswordPolicy.check(password, checked.email());
		}
		checkUnique(checked, 0);
		long id = this.ids.next();
		Instant now = this.clock.instant();
		this.rows.insert(id, checked, (password != null) ? this.passwordEncoder.encode(password) : null, now);
		String inviteUrl = null;
		if (password == null && checked.email() != null && actor instanceof Actor.Administrator) {
			inviteUrl = this.invitations.issue(id, now);
			this.rows.invited(id, now);
		}
		this.audit.record("member.created", AUDIT_TYPE, String.valueOf(id), checked.name(), null);
		this.events.publishEvent(new MemberCreated(id, checked.email(), actorId(actor), now));
		return new CreatedMember(find(id), inviteUrl);
	}

	/**
	 * A new invitation link for a member who has not claimed their account yet, replacing
	 * earlier ones.
	 */
	public String invite(Actor.Administrator actor, long id) {
		MemberProfile member = find(id);
		AdministratorRules.mayInvite(actor, member);
		Instant now = this.clock.instant();
		String url = this.invitations.issue(id, now);
		this.rows.invited(id, now);
		this.audit.record("member.invited", AUDIT_TYPE, String.valueOf(id), member.name(), null);
		return url;
	}

	@Transactional(readOnly = true)
	public MemberProfile find(long id) {
		return this.rows.findById(id).orElseThrow(() -> new NotFoundException("Member", String.valueOf(id)));
	}

	@Transactional(readOnly = true)
	public Optional<MemberProfile> findById(long id) {
		return this.rows.findById(id);
	}

	@Transactional(readOnly = true)
	public Optional<MemberProfile> findByEmail(String email) {
		return this.rows.findByEmail(email);
	}

	@Transactional(readOnly = true)
	public Optional<MemberProfile> findByExternalId(String externalId) {
		return this.rows.findByExternalId(externalId);
	}

	/** The members with these ids that exist, in id order. */
	@Transactional(readOnly = true)
	public List<MemberProfile> findAll(Collection<Long> ids) {
		return this.rows.findAll(ids);
	}

	/**
	 * Members in creation order, filtered by a name or email fragment and the active
	 * flag; pass the previous page's {@code nextCursor} as {@code after}.
	 */
	@Transactional(readOnly = true)
	public KeysetPage<MemberProfile> list(@Nullable String query, @Nullable Boolean active, @Nullable Long after,
			int limit) {
		return list(query, active, PageRequest.after(after, limit));
	}

	/** Members in creation order by name or email fragment and state: any page. */
	@Transactional(readOnly = true)
	public KeysetPage<MemberProfile> inState(@Nullable String query, @Nullable MemberState state, PageRequest page) {
		return KeysetPage.of(this.rows.list(query, null, state, page), page, MemberProfile::id);
	}

	/** Members in creation order, filtered as above: any page, forward or backward. */
	@Transactional(readOnly = true)
	public KeysetPage<MemberProfile> list(@Nullable String query, @Nullable Boolean active, PageRequest page) {
		return KeysetPage.of(this.rows.list(query, active, page), page, MemberProfile::id);
	}

	/**
	 * Every member, deactivated ones included, in id order from a 0-based position: the
	 * directory an identity provider reads (SCIM's {@code startIndex} paging).
	 */
	@Transactional(readOnly = true)
	public List<MemberProfile> directory(long offset, int limit) {
		return this.rows.slice(offset, Math.clamp(limit, 0, PageRequest.MAX_LIMIT));
	}

	@Transactional(readOnly = true)
	public long count() {
		return this.rows.count();
	}

	@Transactional(readOnly = true)
	public boolean isActive(long id) {
		return this.rows.isActive(id);
	}

	/**
	 * The company directory as a member sees it: active members (deactivated ones are
	 * gone from it) by name or email fragment, in creation order, any page.
	 */
	@Transactional(readOnly = true)
	public KeysetPage<MemberProfile> colleagues(Actor.Member viewer, @Nullable String query, PageRequest page) {
		return KeysetPage.of(this.rows.list(query, true, page), page, MemberProfile::id);
	}

	/** A colleague's profile for a member: an active member, else not found. */
	@Transactional(readOnly = true)
	public MemberProfile colleague(Actor.Member viewer, long id) {
		return this.rows.findById(id)
			.filter(MemberProfile::active)
			.orElseThrow(() -> new NotFoundException("Member", String.valueOf(id)));
	}

	/** The members whose manager is {@code managerId}, by name. */
	@Transactional(readOnly = true)
	public List<MemberProfile> reports(long managerId) {
		return this.rows.reports(managerId);
	}

	/**
	 * Applies the non-null fields of {@code changes}; an empty string clears a field. The
	 * actor is an administrator (admin API) or an integration's page holding
	 * {@code manage_work_profiles} (Graph API).
	 */
	public MemberProfile update(Actor actor, long id, MemberDetails changes) {
		MemberProfile current = find(id);
		AdministratorRules.mayManage(actor, current);
		MemberDetails checked = ProfileRules.apply(current, changes);
		if (!Objects.equals(checked.email(), current.email())
				|| !Objects.equals(checked.externalId(), current.externalId())) {
			AdministratorRules.mayMoveSignIn(actor, current);
			if (checked.email() != null && !checked.email().equalsIgnoreCase(String.valueOf(current.email()))) {
				this.domains.requireAllowed(checked.email());
			}
		}
		checkUnique(checked, id);
		if (checked.managerId() != null && checked.managerId() == id) {
			throw new InvalidInputException("managerId", "A member cannot be their own manager");
		}
		Set<String> changed = ProfileRules.changedFields(current, checked);
		if (changed.isEmpty()) {
			return current;
		}
		Instant now = this.clock.instant();
		this.rows.update(id, checked, now);
		this.audit.record("member.updated", AUDIT_TYPE, String.valueOf(id), checked.name(),
				"changed=" + changed.stream().sorted().toList());
		this.events.publishEvent(new MemberProfileChanged(id, changed, actorId(actor), now));
		return find(id);
	}

	/** The member can no longer sign in, and their sessions end for good. */
	public MemberProfile deactivate(Actor actor, long id) {
		MemberProfile member = find(id);
		AdministratorRules.mayDeactivate(actor, member);
		if (member.active()) {
			Instant now = this.clock.instant();
			this.rows.setActive(id, false, now);
			this.invitations.revokeAll(id);
			this.audit.record("member.deactivated", AUDIT_TYPE, String.valueOf(id), member.name(), null);
			this.events.publishEvent(new MemberDeactivated(id, member.email(), actorId(actor), now));
		}
		return find(id);
	}

	public MemberProfile reactivate(Actor actor, long id) {
		MemberProfile member = find(id);
		AdministratorRules.mayChangeSignIn(actor, member);
		if (!member.active()) {
			Instant now = this.clock.instant();
			this.rows.setActive(id, true, now);
			this.audit.record("member.reactivated", AUDIT_TYPE, String.valueOf(id), member.name(), null);
			this.events.publishEvent(new MemberReactivated(id, member.email(), actorId(actor), now));
		}
		return find(id);
	}

	public MemberProfile replaceAdminPermissions(Actor.Administrator actor, long id, Set<AdminPermission> permissions) {
		MemberProfile member = find(id);
		AdministratorRules.mayChangePermissions(actor, member, permissions);
		Set<AdminPermission> granted = EnumSet.noneOf(AdminPermission.class);
		granted.addAll(permissions);
		granted.removeAll(member.permissions());
		Set<AdminPermission> removed = EnumSet.noneOf(AdminPermission.class);
		removed.addAll(member.permissions());
		removed.removeAll(permissions);
		if (granted.isEmpty() && removed.isEmpty()) {
			return member;
		}
		this.rows.replacePermissions(id, permissions);
		this.audit.record("member.admin_permissions_changed", AUDIT_TYPE, String.valueOf(id), member.name(),
				"granted=" + granted.stream().map(AdminPermission::authority).toList() + " removed="
						+ removed.stream().map(AdminPermission::authority).toList());
		this.events.publishEvent(new AdminPermissionsChanged(id, member.email(), Set.copyOf(granted),
				Set.copyOf(removed), actor.id(), this.clock.instant()));
		return find(id);
	}

	/** Who acted, as events name them: the administrator, or the integration's page. */
	private static @Nullable Long actorId(Actor actor) {
		return switch (actor) {
			case Actor.Administrator administrator -> administrator.id();
			case Actor.Page page -> page.pageId();
			default -> null;
		};
	}

	private void checkUnique(MemberDetails details, long exceptId) {
		if (details.email() != null && this.rows.emailTaken(details.email(), exceptId)) {
			throw new ConflictException("email", "A member with the email " + details.email() + " already exists");
		}
		if (details.externalId() != null && this.rows.externalIdTaken(details.externalId(), exceptId)) {
			throw new ConflictException("externalId", "A member with this externalId already exists");
		}
		if (details.managerId() != null && this.rows.findById(details.managerId()).isEmpty()) {
			throw new InvalidInputException("managerId", "managerId names no member");
		}
	}

}
