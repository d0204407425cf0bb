package io.patchbay.accounts;

import java.time.Clock;
import java.util.Optional;

import io.patchbay.platform.AuditLog;
import io.patchbay.platform.NotFoundException;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invited member's side of an invitation: who a link invites, and setting the
 * password through it, which uses the link up. Links are made by {@link Members#create}
 * and {@link Members#invite}.
 */
@Service
@Transactional
public class Invitations {

	private final InvitationRepository tokens;

	private final MemberRepository rows;

	private final AuditLog audit;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	Invitations(InvitationRepository tokens, MemberRepository rows, AuditLog audit, PasswordEncoder passwordEncoder,
			Clock clock) {
		this.tokens = tokens;
		this.rows = rows;
		this.audit = audit;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * The member a live invitation token is for, or empty when expired or used, or when
	 * the account was claimed another way (single sign-on).
	 */
	@Transactional(readOnly = true)
	public Optional<MemberProfile> find(String token) {
		return this.tokens.memberFor(token, this.clock.instant())
			.flatMap(this.rows::findById)
			.filter(MemberProfile::active)
			.filter((member) -> !member.claimed());
	}

	/**
	 * Sets the member's password through the invitation and uses the link up; any session
	 * opened before ends.
	 */
	public MemberProfile claim(String token, String password) {
		MemberProfile member = find(token)
			.orElseThrow(() -> new NotFoundException("Invitation", "(expired or already used)"));
		PasswordPolicy.check(password, member.email());
		if (!this.tokens.consume(token, member.id())) {
			throw new NotFoundException("Invitation", "(expired or already used)");
		}
		this.rows.changePassword(member.id(), this.passwordEncoder.encode(password), this.clock.instant());
		this.audit.record("member.claimed", Members.AUDIT_TYPE, String.valueOf(member.id()), member.name(), null);
		return this.rows.findById(member.id()).orElseThrow();
	}

}
