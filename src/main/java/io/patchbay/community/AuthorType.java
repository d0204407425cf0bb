package io.patchbay.community;

/**
 * Who wrote a post, a comment or a like: a member, an integration acting as its page, or
 * a workflow running its steps.
 */
public enum AuthorType {

	MEMBER, PAGE, WORKFLOW

}
