package io.patchbay.community;

/**
 * Who wrote a post, a comment or a like: a member, or an integration acting as its page.
 */
public enum AuthorType {

	MEMBER, PAGE

}
