package io.patchbay.accounts;

import org.jspecify.annotations.Nullable;

/**
 * A member just created, with the invitation link when no password was set; the link is
 * shown in this answer only.
 */
public record CreatedMember(MemberProfile member, @Nullable String inviteUrl) {

}
