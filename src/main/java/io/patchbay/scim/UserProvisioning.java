package io.patchbay.scim;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.PreconditionFailedException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import io.patchbay.accounts.Actor;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.platform.Ids;
import io.patchbay.scim.UserDocuments.UserWrite;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM's writes to Users, each in one transaction so that a refused part (a taken email,
 * an administrator's account) leaves nothing half-done. The accounts module decides what
 * the integration may change; this only translates documents into its calls.
 */
@Component
@Transactional(rollbackFor = ScimException.class)
class UserProvisioning {

	private final Members members;

	private final UserDocuments documents;

	UserProvisioning(Members members, UserDocuments documents) {
		this.members = members;
		this.documents = documents;
	}

	MemberProfile create(ScimCaller caller, ObjectNode document) throws ScimException {
		UserWrite write = this.documents.read(document);
		MemberProfile created = this.members.create(caller.actor(), write.details(), null).member();
		if (Boolean.FALSE.equals(write.active())) {
			return this.members.deactivate(caller.actor(), created.id());
		}
		return created;
	}

	MemberProfile replace(ScimCaller caller, String id, @Nullable String ifMatch, ObjectNode document)
			throws ScimException {
		MemberProfile current = current(id, ifMatch);
		return write(caller.actor(), current, this.documents.read(document));
	}

	MemberProfile patch(ScimCaller caller, String id, @Nullable String ifMatch, ObjectNode request)
			throws ScimException {
		MemberProfile current = current(id, ifMatch);
		ObjectNode before = this.documents.render(current);
		ObjectNode after = PatchOperations.apply(before, request);
		// One field shows as two attributes each: the one the patch changed wins.
		follow(before, after, "locale", "preferredLanguage");
		follow(before, after, "displayName", null);
		// The userName is the email: an email changed on its own moves the userName too.
		String workEmail = workEmail(after);
		if (Objects.equals(text(before, "userName"), text(after, "userName")) && workEmail != null
				&& !workEmail.equalsIgnoreCase(String.valueOf(workEmail(before)))) {
			after.put("userName", workEmail);
		}
		return write(caller.actor(), current, this.documents.read(after));
	}

	MemberProfile deactivate(ScimCaller caller, String id, @Nullable String ifMatch) throws ScimException {
		MemberProfile current = current(id, ifMatch);
		return this.members.deactivate(caller.actor(), current.id());
	}

	/** The member, after the {@code If-Match} precondition (412 when it is stale). */
	MemberProfile current(String id, @Nullable String ifMatch) throws ScimException {
		MemberProfile member = this.members.findById(Ids.parse(id))
			.orElseThrow(() -> new ResourceNotFoundException("User " + id + " not found"));
		if (ifMatch != null && !ifMatch.isBlank()) {
			String version = this.documents.render(member).path("meta").path("version").asText();
			if (!matches(ifMatch, version)) {
				throw new PreconditionFailedException("The User has changed since version " + ifMatch.strip());
			}
		}
		return member;
	}

	private MemberProfile write(Actor actor, MemberProfile current, UserWrite write) {
		MemberProfile updated = this.members.update(actor, current.id(), write.details());
		if (write.active() != null && write.active() != updated.active()) {
			updated = write.active() ? this.members.reactivate(actor, current.id())
					: this.members.deactivate(actor, current.id());
		}
		return updated;
	}

	/** {@code *}, or one of the listed versions (weak or strong, compared weakly). */
	static boolean matches(String ifMatch, String version) {
		for (String candidate : ifMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || weak(tag).equals(weak(version))) {
				return true;
			}
		}
		return false;
	}

	private static String weak(String tag) {
		return tag.startsWith("W/") ? tag.substring(2) : tag;
	}

	private static @Nullable String workEmail(ObjectNode user) {
		JsonNode emails = user.get("emails");
		if (emails == null || !emails.isArray()) {
			return null;
		}
		for (JsonNode email : emails) {
			if ("work".equalsIgnoreCase(email.path("type").asText()) || email.path("primary").asBoolean(false)) {
				return email.path("value").isTextual() ? email.get("value").asText() : null;
			}
		}
		return null;
	}

	/**
	 * When only {@code changed} moved, copies it to the attribute the document is read
	 * from: {@code locale} for {@code preferredLanguage}, and {@code displayName} for
	 * {@code name.formatted} (given as {@code null}).
	 */
	private static void follow(ObjectNode before, ObjectNode after, String read, @Nullable String changed) {
		JsonNode readBefore = before.get(read);
		JsonNode readAfter = after.get(read);
		if (!Objects.equals(readBefore, readAfter)) {
			return;
		}
		if (changed == null) {
			JsonNode formattedBefore = before.path("name").get("formatted");
			JsonNode formattedAfter = after.path("name").get("formatted");
			if (!Objects.equals(formattedBefore, formattedAfter) && formattedAfter != null) {
				after.set("displayName", formattedAfter);
			}
			return;
		}
		JsonNode changedAfter = after.get(changed);
		if (!Objects.equals(before.get(changed), changedAfter)) {
			if (changedAfter == null) {
				after.remove(read);
			}
			else {
				after.set(read, changedAfter);
			}
		}
	}

	private static @Nullable String text(ObjectNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isTextual()) ? value.asText() : null;
	}

}
