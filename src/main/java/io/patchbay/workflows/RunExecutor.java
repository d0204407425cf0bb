package io.patchbay.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.patchbay.accounts.MemberProfile;
import io.patchbay.accounts.Members;
import io.patchbay.connections.ApiCallFailedException;
import io.patchbay.platform.AccessRefusedException;
import io.patchbay.platform.Ids;
import io.patchbay.platform.InvalidInputException;
import io.patchbay.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a claimed run's steps from the first not yet recorded. A step that writes only to
 * Patchbay (a message, a post) commits in one transaction with its record, so a run taken
 * over after a crash never repeats it; an API call is recorded right after it answers.
 * Each record renews the lease and checks this node still holds it. A failing step stops
 * the run, and the creator hears of failures in chat at most once per
 * {@code failure-notice-interval}.
 */
@Component
class RunExecutor {

	private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

	private final RunRepository runs;

	private final StepRunner steps;

	private final FailureNotices notices;

	private final Members members;

	private final TransactionTemplate transactions;

	private final WorkflowProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final Counter succeeded;

	private final Counter failed;

	RunExecutor(RunRepository runs, StepRunner steps, FailureNotices notices, Members members,
			TransactionTemplate transactions, WorkflowProperties properties, JsonMapper json, MeterRegistry meters,
			Clock clock) {
		this.runs = runs;
		this.steps = steps;
		this.notices = notices;
		this.members = members;
		this.transactions = transactions;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.succeeded = runCounter(meters, "succeeded");
		this.failed = runCounter(meters, "failed");
	}

	void execute(RunRepository.Claimed claimed, Workflow workflow, String node) {
		Run run = claimed.run();
		List<Step> definition = workflow.definition().steps();
		List<StepResult> results = new ArrayList<>(run.steps());
		RunValues values = new RunValues(run.variables(), members(workflow, run), this.json);
		results.forEach(values::add);
		for (int i = claimed.nextStep(); i < definition.size(); i++) {
			Step step = definition.get(i);
			int next = i + 1;
			boolean last = next == definition.size();
			long start = System.nanoTime();
			try {
				if (StepRunner.internal(step)) {
					this.transactions.executeWithoutResult((status) -> {
						Map<String, Object> output = this.steps.run(workflow.actor(), step, values, claimed.testerId());
						StepResult result = result(next, step, null, output, start);
						results.add(result);
						record(run, node, next, last, results);
					});
				}
				else {
					Map<String, Object> output = this.steps.run(workflow.actor(), step, values, claimed.testerId());
					results.add(result(next, step, null, output, start));
					this.transactions.executeWithoutResult((status) -> record(run, node, next, last, results));
				}
				values.add(results.getLast());
			}
			catch (LeaseLostException ex) {
				log.info("Run {} went on on another node after this node's lease ran out", run.id());
				return;
			}
			catch (StepRunner.StepFailedException ex) {
				fail(run, workflow, node, i, results, result(next, step, ex.getMessage(), ex.output(), start));
				return;
			}
			catch (InvalidInputException | AccessRefusedException | NotFoundException | ApiCallFailedException ex) {
				fail(run, workflow, node, i, results, result(next, step, ex.getMessage(), Map.of(), start));
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Step {} of run {} failed: {}", next, run.id(), ex.toString());
				fail(run, workflow, node, i, results,
						result(next, step, "Internal error: see the server log", Map.of(), start));
				return;
			}
		}
		if (definition.size() <= claimed.nextStep()) {
			// Every step was recorded before a crash kept the run from finishing.
			this.transactions.executeWithoutResult((status) -> record(run, node, definition.size(), true, results));
		}
	}

	private void record(Run run, String node, int next, boolean last, List<StepResult> results) {
		Instant now = this.clock.instant();
		boolean held = last ? this.runs.finish(run.id(), node, Run.Status.SUCCEEDED, next, results, null, now)
				: this.runs.progress(run.id(), node, next, results, now.plus(this.properties.lease()));
		if (!held) {
			throw new LeaseLostException();
		}
		if (last) {
			this.succeeded.increment();
		}
	}

	private void fail(Run run, Workflow workflow, String node, int index, List<StepResult> results,
			StepResult failure) {
		results.add(failure);
		String error = "Step " + failure.step() + " (" + failure.type() + ") failed: " + failure.error();
		boolean held = Boolean.TRUE.equals(this.transactions.execute((status) -> this.runs.finish(run.id(), node,
				Run.Status.FAILED, index, results, truncate(error), this.clock.instant())));
		if (held) {
			this.failed.increment();
			if (!Run.TEST.equals(run.trigger())) {
				this.notices.failed(workflow, failure);
			}
		}
	}

	/** The members the run's member variables name, in one query. */
	private Map<String, MemberProfile> members(Workflow workflow, Run run) {
		Map<String, Long> ids = new HashMap<>();
		workflow.definition()
			.trigger()
			.available()
			.stream()
			.filter((variable) -> variable.type() == Variable.Type.MEMBER)
			.forEach(
					(variable) -> ids.put(variable.key(), Ids.parse(run.variables().getOrDefault(variable.key(), ""))));
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, MemberProfile> found = new HashMap<>();
		this.members.findAll(ids.values()).forEach((member) -> found.put(member.id(), member));
		Map<String, MemberProfile> byKey = new HashMap<>();
		ids.forEach((key, id) -> {
			if (found.containsKey(id)) {
				byKey.put(key, found.get(id));
			}
		});
		return byKey;
	}

	private static StepResult result(int step, Step definition, @Nullable String error, Map<String, Object> output,
			long start) {
		return new StepResult(step, definition.type(), error == null, error, output,
				(System.nanoTime() - start) / 1_000_000);
	}

	private static String truncate(String error) {
		return (error.length() > 1000) ? error.substring(0, 999) + "…" : error;
	}

	private static Counter runCounter(MeterRegistry meters, String outcome) {
		return Counter.builder("patchbay.workflow.runs")
			.description("Workflow runs finished, by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	/** This node's lease on the run ran out and another node took it over. */
	static class LeaseLostException extends RuntimeException {

		LeaseLostException() {
			super("Lease lost");
		}

	}

}
