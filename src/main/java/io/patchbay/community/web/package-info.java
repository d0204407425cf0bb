/**
 * The member app's pages and live feed streams, the member REST API of groups, posts and
 * comments, and the groups rows of the admin API.
 */
@NullMarked
package io.patchbay.community.web;

import org.jspecify.annotations.NullMarked;
