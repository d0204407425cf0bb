package io.patchbay.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.common.net.InetAddresses;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records every administrative change. The actor and address come from the current
 * request (the address resolved through the trusted proxies), so callers only say what
 * happened; callers must never pass a secret in {@code details}. It sits in the platform
 * because every module records into it, the registry of integrations included, which the
 * accounts module stands on.
 */
@Service
public class AuditLog {

	private static final int MAX_DETAILS = 2000;

	private final JdbcClient jdbc;

	private final ClientAddresses addresses;

	private final Ids ids;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, ClientAddresses addresses, Ids ids, Clock clock) {
		this.jdbc = jdbc;
		this.addresses = addresses;
		this.ids = ids;
		this.clock = clock;
	}

	public void record(String action, String objectType, String objectId, String objectName, @Nullable String details) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Long actorId = null;
		String actorName = "system";
		if (authentication != null && authentication.getPrincipal() instanceof AuditedPrincipal principal) {
			actorId = principal.auditId();
			actorName = principal.auditName();
		}
		else if (authentication != null && authentication.isAuthenticated()) {
			actorName = authentication.getName();
		}
		this.jdbc
			.sql("INSERT INTO audit_entry (id, occurred_at, actor_id, actor_name, action, object_type, object_id, "
					+ "object_name, details, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(this.ids.next(), Timestamp.from(this.clock.instant()), actorId, actorName, action, objectType,
					objectId, objectName, truncate(details), clientAddress())
			.update();
	}

	public List<AuditEntry> latest(int limit) {
		return search(AuditQuery.latest(), limit);
	}

	/** The entries that match, newest first; pass the last one's id as {@code before}. */
	public List<AuditEntry> search(AuditQuery query, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" AND LOWER(actor_name) LIKE ?");
			params.add("%" + query.actor().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
		}
		if (query.action() != null && !query.action().isBlank()) {
			sql.append(" AND (action = ? OR action LIKE ?)");
			params.add(query.action().strip());
			// "_" matches itself among the others: a code's object part has no
			// look-alikes
			params.add(query.action().strip().replace("%", "") + ".%");
		}
		if (query.from() != null) {
			sql.append(" AND occurred_at >= ?");
			params.add(Timestamp.from(query.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < ?");
			params.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		}
		if (query.before() != null) {
			Optional<Timestamp> time = this.jdbc.sql("SELECT occurred_at FROM audit_entry WHERE id = ?")
				.param(query.before())
				.query(Timestamp.class)
				.optional();
			if (time.isPresent()) {
				sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
				params.addAll(List.of(time.get(), time.get(), query.before()));
			}
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT ?");
		params.add(Math.clamp(limit, 1, 500));
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new AuditEntry(rs.getString("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("action"),
					rs.getString("object_type"), rs.getString("object_id"), rs.getString("object_name"),
					rs.getString("details"), readable(rs.getString("ip"))))
			.list();
	}

	/** The action codes recorded so far, for the log's filter. */
	public List<String> actions() {
		return this.jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
	}

	private static @Nullable String truncate(@Nullable String details) {
		return (details != null && details.length() > MAX_DETAILS) ? details.substring(0, MAX_DETAILS) : details;
	}

	private @Nullable String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return readable(this.addresses.of(attributes.getRequest()));
		}
		return null;
	}

	/** An address as people write it: {@code ::1}, not {@code 0:0:0:0:0:0:0:1}. */
	private static @Nullable String readable(@Nullable String address) {
		return (address != null && InetAddresses.isInetAddress(address))
				? InetAddresses.toAddrString(InetAddresses.forString(address)) : address;
	}

}
