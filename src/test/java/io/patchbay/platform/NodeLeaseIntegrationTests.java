package io.patchbay.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.zaxxer.hikari.HikariDataSource;
import io.patchbay.SecondNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids stay unique across the nodes of a cluster because each node leases its own node
 * number from the shared database, on H2 and PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NodeLeaseIntegrationTests {

	@Autowired
	Ids ids;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	PatchbayProperties properties;

	@Test
	void twoNodesOnOneDatabaseHoldDifferentNumbersAndNeverIssueTheSameId() throws Exception {
		try (SecondNode second = SecondNode.start(this.dataSource, this.properties)) {
			Ids other = second.bean(Ids.class);
			assertThat(Ids.nodeOf(other.next())).isNotEqualTo(Ids.nodeOf(this.ids.next()));
			Set<Long> seen = ConcurrentHashMap.newKeySet();
			try (var threads = Executors.newFixedThreadPool(4)) {
				List<Future<Boolean>> work = IntStream.range(0, 4)
					.mapToObj((i) -> threads.submit(() -> IntStream.range(0, 25_000)
						.allMatch((n) -> seen.add(((i % 2 == 0) ? this.ids : other).next()))))
					.toList();
				for (Future<Boolean> done : work) {
					assertThat(done.get()).as("every id new").isTrue();
				}
			}
			assertThat(seen).hasSize(100_000);
		}
	}

	@Test
	void aNumberTakenOverAfterItsLeaseEndedIssuesIdsAfterThatEnd() {
		NodeLease dead = new NodeLease(this.jdbc, Duration.ofSeconds(60));
		int number = dead.current().number();
		Instant ended = Instant.now().minusSeconds(1);
		this.jdbc.sql("UPDATE id_node SET lease_until = ? WHERE node_number = ?")
			.params(Timestamp.from(ended), number)
			.update();
		// Every other number is busy, so the next node must take over the dead one's.
		Timestamp later = Timestamp.from(Instant.now().plus(Duration.ofHours(1)));
		for (int other = 0; other < NodeLease.NUMBERS; other++) {
			if (this.jdbc.sql("UPDATE id_node SET lease_until = ? WHERE node_number = ? AND node_number <> ?")
				.params(later, other, number)
				.update() == 0 && other != number) {
				this.jdbc.sql("INSERT INTO id_node (node_number, owner, lease_until) VALUES (?, 'busy', ?)")
					.params(other, later)
					.update();
			}
		}
		NodeLease next;
		try {
			next = new NodeLease(this.jdbc, Duration.ofSeconds(60));
		}
		finally {
			this.jdbc.sql("DELETE FROM id_node WHERE owner = 'busy'").update();
		}
		assertThat(next.current().number()).isEqualTo(number);
		assertThat(next.current().floorMillis()).isEqualTo(ended.plus(NodeLease.DRIFT).toEpochMilli());
		long id = new Ids(Clock.systemUTC(), next).next();
		assertThat(Ids.nodeOf(id)).isEqualTo(number);
		assertThat(id).isGreaterThan(new Ids(Clock.systemUTC(), NodeLease.fixed(number)).next());

		// The dead node, back, finds its number gone and claims another one.
		dead.renew();
		assertThat(dead.current().number()).isNotEqualTo(number);
	}

}
