package io.patchbay.community;

import java.time.Clock;

import io.patchbay.platform.Ids;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The install's one community, made at first use; everyone may know it. Once made it
 * never changes, so each node reads it once, and a caller on a hot path (every webhook
 * entry names it) pays neither a query nor a transactional proxy for it.
 */
@Service
public class Communities {

	private final GroupRepository repository;

	private final Ids ids;

	private final Clock clock;

	private final TransactionTemplate outsideCallers;

	private volatile @Nullable Community current;

	Communities(GroupRepository repository, Ids ids, Clock clock, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.ids = ids;
		this.clock = clock;
		this.outsideCallers = new TransactionTemplate(transactions);
		// Outside any caller's transaction, so that losing the race to create it (on
		// PostgreSQL, a failed insert aborts the transaction) costs only a second read.
		this.outsideCallers.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
	}

	public Community current() {
		Community known = this.current;
		if (known != null) {
			return known;
		}
		Community found = this.outsideCallers.execute((status) -> this.repository.community().orElseGet(() -> {
			this.repository.insertCommunity(this.ids.next(), "Patchbay", this.clock.instant());
			return this.repository.community().orElseThrow();
		}));
		this.current = found;
		return found;
	}

}
