package io.patchbay.community;

/**
 * A post or comment was liked, or its like taken back, so that open feeds redraw its
 * count. Published inside the transaction that made the change.
 */
public record LikeChanged(long objectId, long postId, long groupId, boolean liked) {

}
