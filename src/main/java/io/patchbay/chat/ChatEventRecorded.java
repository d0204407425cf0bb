package io.patchbay.chat;

import java.util.Set;

/**
 * An event went into a thread's event log; once the transaction commits, this node's open
 * streams of the members concerned send it at once (other nodes find it in the log).
 *
 * @param memberIds the members whose streams carry it
 */
public record ChatEventRecorded(ChatEvent event, Set<Long> memberIds) {

}
