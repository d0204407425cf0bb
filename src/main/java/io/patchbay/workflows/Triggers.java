package io.patchbay.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook triggers ({@code POST /hooks/workflows/{secret}}): finds the published workflow
 * by its URL's secret, counts the request against its rate limit (accepted or not), reads
 * a flat JSON object of at most 64 KiB, checks it against the declared variables, and
 * queues the run. The answer comes once the run's row committed (with the rate-limit
 * bucket's new state, in one transaction), so an accepted run survives a crash.
 */
@Service
public class Triggers {

	static final int MAX_BODY = 64 * 1024;

	private final WorkflowRepository workflows;

	private final TriggerRateLimit rateLimit;

	private final VariableResolver variables;

	private final RunQueue queue;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final TransactionTemplate transactions;

	Triggers(WorkflowRepository workflows, TriggerRateLimit rateLimit, VariableResolver variables, RunQueue queue,
			JsonMapper json, MeterRegistry meters, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.workflows = workflows;
		this.rateLimit = rateLimit;
		this.variables = variables;
		this.queue = queue;
		this.json = json;
		this.meters = meters;
	}

	/**
	 * Accepts a trigger and answers the queued run's id.
	 * @throws TriggerRefusedException for anything else, with the trigger's error body
	 */
	public long accept(String secret, @Nullable String contentType, InputStream body) {
		try {
			long runId = queue(secret, contentType, body);
			count("accepted");
			return runId;
		}
		catch (TriggerRefusedException ex) {
			count(ex.error());
			throw ex;
		}
	}

	/**
	 * Reads the body first, outside the transaction (a slow sender holds no connection),
	 * then admits the trigger in one transaction: the rate-limit bucket, the checks and
	 * the queued run. A refusal commits too, so that the request stays counted against
	 * the limit.
	 */
	private long queue(String secret, @Nullable String contentType, InputStream body) {
		byte[] bytes = read(body);
		Admission admission = this.transactions.execute((status) -> {
			try {
				return new Admission(admit(secret, contentType, bytes), null);
			}
			catch (TriggerRefusedException ex) {
				return new Admission(0, ex);
			}
		});
		return admission.runId();
	}

	private long admit(String secret, @Nullable String contentType, byte[] body) {
		Workflow workflow = this.workflows.findBySecretHash(WebhookUrls.hash(secret))
			.filter((found) -> found.published() && found.definition().trigger().webhook())
			.orElseThrow(TriggerRefusedException::notFound);
		long wait = this.rateLimit.take(workflow.id());
		if (wait > 0) {
			long seconds = Math.max(1, (wait + 999_999_999) / 1_000_000_000);
			throw new TriggerRefusedException(429, "rate_limited", null,
					"This workflow accepts at most its rate limit of requests per second", seconds);
		}
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
			throw new TriggerRefusedException(415, "invalid_content_type", null,
					"Send the variables as Content-Type: application/json", 0);
		}
		if (body.length > MAX_BODY) {
			throw new TriggerRefusedException(413, "body_too_large", null, "The body is larger than 64 KiB", 0);
		}
		Map<String, String> values = values(body);
		return this.queue.enqueue(workflow, Run.WEBHOOK, this.variables.resolve(workflow, values), null).id();
	}

	private byte[] read(InputStream body) {
		try {
			return body.readNBytes(MAX_BODY + 1);
		}
		catch (IOException ex) {
			throw TriggerRefusedException.badRequest("invalid_json", null, "The body could not be read");
		}
	}

	/**
	 * A flat object's values as text; nested values are refused, nulls count as absent.
	 */
	private Map<String, String> values(byte[] body) {
		JsonNode node;
		try {
			node = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw TriggerRefusedException.badRequest("invalid_json", null, "The body is not JSON");
		}
		if (node == null || !node.isObject()) {
			throw TriggerRefusedException.badRequest("invalid_json", null,
					"The body must be a JSON object of the workflow's variables");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (value.isContainer()) {
				throw TriggerRefusedException.badRequest("nested_value", entry.getKey(),
						"The variable " + entry.getKey() + " must be a string, not an object or a list");
			}
			if (!value.isNull()) {
				values.put(entry.getKey(), value.asString());
			}
		}
		return values;
	}

	/** The queued run, or the refusal to answer once its transaction committed. */
	private record Admission(long runId, @Nullable TriggerRefusedException refused) {

		@Override
		public long runId() {
			if (this.refused != null) {
				throw this.refused;
			}
			return this.runId;
		}

	}

	private void count(String result) {
		this.meters.counter("patchbay.workflow.triggers", "result", result).increment();
	}

}
