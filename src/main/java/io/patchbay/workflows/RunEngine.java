package io.patchbay.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.patchbay.platform.ClusterWakeUps;
import io.patchbay.platform.WorkLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Executes queued runs, the way the webhook engine sends deliveries: a claim locks queued
 * runs ({@code FOR UPDATE SKIP LOCKED}) and leases them to this node, so several nodes
 * share the queue, never run one run twice, and take over a dead node's runs once its
 * lease runs out. Each run executes on its own virtual thread, at most
 * {@code concurrency} at once. A run queued on this node wakes it at once; others' are
 * found by polling. It claims again at once while claims find runs.
 */
@Component
class RunEngine implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RunEngine.class);

	/** The wake-up channel of queued runs, across the nodes of a cluster. */
	static final String WAKE_UPS = "patchbay_workflow_runs";

	private final String node = UUID.randomUUID().toString();

	private final RunRepository runs;

	private final WorkflowRepository workflows;

	private final RunExecutor executor;

	private final TransactionTemplate transactions;

	private final WorkflowProperties properties;

	private final Clock clock;

	private final Semaphore inFlight;

	private final WorkLoop loop;

	private ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	RunEngine(RunRepository runs, WorkflowRepository workflows, RunExecutor executor, TransactionTemplate transactions,
			WorkflowProperties properties, Clock clock, ClusterWakeUps wakeUps) {
		this.runs = runs;
		this.workflows = workflows;
		this.executor = executor;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
		this.inFlight = new Semaphore(Math.max(1, properties.concurrency()));
		this.loop = new WorkLoop("workflow-dispatcher", properties.pollInterval(), this::dispatchDue);
		wakeUps.listen(WAKE_UPS, this::wake);
	}

	void wake() {
		this.loop.wake();
	}

	@Override
	public void start() {
		this.workers = Executors.newVirtualThreadPerTaskExecutor();
		this.loop.start();
	}

	@Override
	public void stop() {
		this.loop.stop();
		// Runs under way stop here; their leases let a node take them over.
		this.workers.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.loop.running();
	}

	/** A claim's runs, each with its workflow. */
	private record Claim(List<RunRepository.Claimed> runs, Map<Long, Workflow> workflows) {
	}

	/**
	 * Claims what is queued (as many runs as may start now) and hands each to a worker.
	 * @return how many runs the claim took
	 */
	int dispatchDue() throws InterruptedException {
		// Waits for a free slot first, so a claim never leases runs it cannot start.
		this.inFlight.acquire();
		int free = 1 + this.inFlight.drainPermits();
		Claim claim;
		try {
			claim = this.transactions.execute((status) -> claim(Math.min(free, this.properties.batchSize())));
		}
		catch (RuntimeException ex) {
			this.inFlight.release(free);
			throw ex;
		}
		this.inFlight.release(free - claim.runs().size());
		for (RunRepository.Claimed run : claim.runs()) {
			Workflow workflow = claim.workflows().get(run.run().workflowId());
			if (workflow == null) {
				this.inFlight.release();
				continue;
			}
			this.workers.execute(() -> {
				try {
					this.executor.execute(run, workflow, this.node);
				}
				catch (RuntimeException ex) {
					log.warn("Run {} stopped: {}", run.run().id(), ex.toString());
				}
				finally {
					this.inFlight.release();
				}
			});
		}
		return claim.runs().size();
	}

	private Claim claim(int limit) {
		Instant now = this.clock.instant();
		List<RunRepository.Claimed> due = this.runs.lockDue(now, limit);
		if (due.isEmpty()) {
			return new Claim(List.of(), Map.of());
		}
		this.runs.lease(due.stream().map((claimed) -> claimed.run().id()).toList(), this.node, now,
				now.plus(this.properties.lease()));
		// Runs of deleted workflows went with them (ON DELETE CASCADE).
		Map<Long, Workflow> workflows = this.workflows
			.findAll(due.stream().map((claimed) -> claimed.run().workflowId()).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Workflow::id, Function.identity()));
		return new Claim(due, workflows);
	}

}
