package io.patchbay.connections;

import java.util.Map;

/**
 * What the external service answered.
 *
 * @param truncated whether the body went on past the size kept (1 MiB by default)
 */
public record ApiCallResult(int status, Map<String, String> headers, String body, boolean truncated) {

}
