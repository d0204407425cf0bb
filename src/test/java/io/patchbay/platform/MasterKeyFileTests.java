package io.patchbay.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev-mode master key file: readable by its owner only from the moment it exists, and
 * one key for every node that starts on the data dir, even at the same time.
 */
class MasterKeyFileTests {

	@TempDir
	Path dataDir;

	@Test
	void isCreatedOnceForItsOwnerOnly() throws Exception {
		Path dir = this.dataDir.resolve("data");
		byte[] key = MasterKeyFile.readOrCreate(dir);

		Path file = dir.resolve("master.key");
		assertThat(key).hasSize(32);
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(key);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var files = Files.list(dir)) {
			assertThat(files.map((path) -> path.getFileName().toString())).containsExactly("master.key");
		}
		assertThat(MasterKeyFile.readOrCreate(dir)).isEqualTo(key);
	}

	@Test
	void nodesStartingTogetherShareTheWinnersKey() throws Exception {
		int nodes = 16;
		try (ExecutorService pool = Executors.newFixedThreadPool(nodes)) {
			for (int round = 0; round < 100; round++) {
				Path dir = this.dataDir.resolve("round-" + round);
				CyclicBarrier start = new CyclicBarrier(nodes);
				List<Future<byte[]>> keys = new ArrayList<>();
				for (int node = 0; node < nodes; node++) {
					keys.add(pool.submit(() -> {
						start.await();
						return MasterKeyFile.readOrCreate(dir);
					}));
				}
				List<byte[]> read = new ArrayList<>();
				for (Future<byte[]> key : keys) {
					read.add(key.get());
				}
				byte[] onDisk = Base64.getDecoder().decode(Files.readString(dir.resolve("master.key")).strip());
				assertThat(read).as("round %d: every node has the key on disk", round)
					.allSatisfy((key) -> assertThat(Arrays.equals(key, onDisk)).isTrue());
				try (var files = Files.list(dir)) {
					assertThat(files.count()).as("no temporary file left").isEqualTo(1);
				}
			}
		}
	}

}
