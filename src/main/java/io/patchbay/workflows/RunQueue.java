package io.patchbay.workflows;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.patchbay.platform.ClusterWakeUps;
import io.patchbay.platform.Ids;
import io.patchbay.platform.KeysetPage;
import io.patchbay.platform.PageRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts runs in the queue: a run exists once its row commits, and the node's engine is
 * woken after that commit (other nodes find it by polling).
 */
@Component
class RunQueue {

	private final RunRepository runs;

	private final RunEngine engine;

	private final Ids ids;

	private final Clock clock;

	private final ClusterWakeUps wakeUps;

	RunQueue(RunRepository runs, RunEngine engine, Ids ids, Clock clock, ClusterWakeUps wakeUps) {
		this.wakeUps = wakeUps;
		this.runs = runs;
		this.engine = engine;
		this.ids = ids;
		this.clock = clock;
	}

	@Transactional
	Run enqueue(Workflow workflow, String trigger, Map<String, String> variables, @Nullable Long testerId) {
		Run run = new Run(this.ids.next(), workflow.id(), trigger, variables, Run.Status.QUEUED, List.of(), null,
				this.clock.instant(), null, null);
		this.runs.insert(run, testerId);
		this.wakeUps.afterCommit(RunEngine.WAKE_UPS, this.engine::wake);
		return run;
	}

	KeysetPage<Run> history(long workflowId, PageRequest page) {
		return KeysetPage.of(this.runs.history(workflowId, page), page, Run::id);
	}

}
