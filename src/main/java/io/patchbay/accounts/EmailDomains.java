package io.patchbay.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import com.google.common.net.InternetDomainName;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.AuditLog;
import io.patchbay.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's email domains (seed 001, "Gestion de domaines"): accounts made by
 * administrators or by an identity provider must have an address under one of them. The
 * list is empty at first, which allows every domain. A domain allows its own addresses
 * only, not those of its subdomains, which are listed on their own.
 */
@Service
@Transactional
public class EmailDomains {

	static final int MAX_DOMAINS = 100;

	private final EmailDomainRepository rows;

	private final AuditLog audit;

	private final Clock clock;

	EmailDomains(EmailDomainRepository rows, AuditLog audit, Clock clock) {
		this.rows = rows;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<String> list() {
		return this.rows.all();
	}

	/**
	 * Replaces the list. Each entry must be a registrable domain or under one
	 * ({@code example.com}, {@code eu.example.com}), never a public suffix such as
	 * {@code com} or {@code co.uk}.
	 */
	public List<String> replace(Actor.Administrator actor, Collection<String> domains) {
		if (!actor.holds(AdminPermission.MANAGE_ACCOUNTS)) {
			throw new AccessRefusedException("Managing email domains needs the manage_accounts permission");
		}
		if (domains.size() > MAX_DOMAINS) {
			throw new InvalidInputException("domains", "At most " + MAX_DOMAINS + " email domains");
		}
		TreeSet<String> checked = new TreeSet<>();
		for (String domain : domains) {
			checked.add(check(domain));
		}
		List<String> before = this.rows.all();
		if (before.equals(List.copyOf(checked))) {
			return before;
		}
		this.rows.replace(checked, this.clock.instant());
		this.audit.record("email_domains.changed", "community", "email_domains", "Email domains", "domains=" + checked);
		return List.copyOf(checked);
	}

	/**
	 * Refuses an address outside the domains, naming the field; any when none are set.
	 */
	void requireAllowed(@Nullable String email) {
		if (email == null) {
			return;
		}
		List<String> domains = this.rows.all();
		String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
		if (!domains.isEmpty() && !domains.contains(domain)) {
			throw new InvalidInputException("email",
					"The address " + email + " is outside the community's email domains " + domains);
		}
	}

	private static String check(@Nullable String domain) {
		String candidate = (domain == null) ? "" : domain.strip().toLowerCase(Locale.ROOT);
		if (candidate.startsWith("@")) {
			candidate = candidate.substring(1);
		}
		if (!InternetDomainName.isValid(candidate)) {
			throw new InvalidInputException("domains", "'" + domain + "' is not a domain name");
		}
		InternetDomainName name = InternetDomainName.from(candidate);
		if (!name.isUnderPublicSuffix()) {
			throw new InvalidInputException("domains",
					"'" + domain + "' is a public suffix, not a domain of the company's own");
		}
		return name.toString();
	}

}
