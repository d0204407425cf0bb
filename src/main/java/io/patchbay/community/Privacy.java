package io.patchbay.community;

/**
 * Who sees a group: everyone ({@code OPEN}), or only its members ({@code CLOSED},
 * {@code SECRET}).
 */
public enum Privacy {

	OPEN, CLOSED, SECRET

}
