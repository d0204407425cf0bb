package io.patchbay.integrations;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The console's "Last API request": the UTC day of the last Graph or SCIM call and the
 * number of calls in the last 7 days.
 */
public record Usage(@Nullable LocalDate lastRequestDate, long requestsLast7Days) {

}
