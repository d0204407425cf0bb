package io.patchbay.community;

/**
 * How a post's message is shown: as typed, or rendered from Markdown.
 */
public enum Formatting {

	PLAINTEXT, MARKDOWN

}
