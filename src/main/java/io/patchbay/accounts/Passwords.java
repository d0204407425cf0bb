package io.patchbay.accounts;

import java.time.Clock;

import io.patchbay.platform.AuditLog;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member changes their own password. The current one must be given, and wrong ones
 * count against the account's sign-in allowance, so that an open session cannot be used
 * to guess it; the new one meets the {@link PasswordPolicy}. Every other session of the
 * member ends.
 */
@Service
@Transactional
public class Passwords {

	private final MemberRepository members;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final SignInProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	Passwords(MemberRepository members, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			SignInProperties properties, AuditLog audit, Clock clock) {
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Sets the member's new password and answers their new session version: the session
	 * that asked goes on under it (see {@link SignedInMember#withSessionVersion}), every
	 * other one has ended.
	 */
	public int change(Actor.Member actor, @Nullable String currentPassword, @Nullable String newPassword) {
		MemberProfile member = this.members.findById(actor.id())
			.orElseThrow(() -> new NotFoundException("Member", String.valueOf(actor.id())));
		if (currentPassword == null || currentPassword.isEmpty()) {
			throw new InvalidInputException("currentPassword", "currentPassword is required");
		}
		checkCurrent(member, currentPassword);
		try {
			PasswordPolicy.check(newPassword, member.email());
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException("newPassword", ex.getMessage());
		}
		if (newPassword.equals(currentPassword)) {
			throw new InvalidInputException("newPassword", "The new password must differ from the current one");
		}
		int version = this.members.changePassword(member.id(), this.passwordEncoder.encode(newPassword),
				this.clock.instant());
		this.audit.record("member.password_changed", Members.AUDIT_TYPE, String.valueOf(member.id()), member.name(),
				null);
		return version;
	}

	private void checkCurrent(MemberProfile member, String currentPassword) {
		String account = (member.email() != null) ? MemberRepository.emailKey(member.email()) : "id:" + member.id();
		LoginThrottle.Attempt attempt = this.throttle.begin(account, null)
			.orElseThrow(() -> new InvalidInputException("currentPassword",
					"Too many failed attempts: wait " + this.properties.waitMinutes() + " minutes and try again"));
		try (attempt) {
			String hash = this.members.passwordHash(member.id()).orElse(null);
			if (hash == null || PasswordPolicy.tooLong(currentPassword)
					|| !this.passwordEncoder.matches(currentPassword, hash)) {
				throw new InvalidInputException("currentPassword", "The current password is wrong");
			}
			attempt.refund();
		}
	}

}
