package io.patchbay.platform;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Re-encrypts every secret at rest under the master key ({@code PATCHBAY_MASTER_KEY}),
 * while the previous keys ({@code PATCHBAY_MASTER_KEY_PREVIOUS}) keep what is not done
 * yet readable; the modules name their sealed columns ({@link SealedSecrets}). Safe on a
 * running install: a value is replaced only if it is still the one read (a secret rotated
 * meanwhile stays as its change wrote it, under the master key already), and running it
 * again re-encrypts nothing more.
 */
@Service
public class MasterKeyRotation {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);

	private record Sealed(Object key, String value) {
	}

	private final List<SealedSecrets> modules;

	private final SecretBox box;

	private final JdbcClient jdbc;

	MasterKeyRotation(List<SealedSecrets> modules, SecretBox box, JdbcClient jdbc) {
		this.modules = modules;
		this.box = box;
		this.jdbc = jdbc;
	}

	/**
	 * @return how many values were re-encrypted
	 */
	public int rotate() {
		int resealed = 0;
		for (SealedSecrets module : this.modules) {
			for (SealedSecrets.Column column : module.sealedColumns()) {
				resealed += reseal(column);
			}
		}
		log.info("Master key rotation: {} secrets re-encrypted under the master key", resealed);
		return resealed;
	}

	private int reseal(SealedSecrets.Column column) {
		List<Sealed> values = this.jdbc
			.sql("SELECT " + column.key() + " AS k, " + column.column() + " AS v FROM " + column.table() + " WHERE "
					+ column.column() + " IS NOT NULL")
			.query((rs, row) -> new Sealed(rs.getObject("k"), rs.getString("v")))
			.list();
		int resealed = 0;
		for (Sealed sealed : values) {
			if (this.box.current(sealed.value())) {
				continue;
			}
			String context = column.contextPrefix() + sealed.key() + column.contextSuffix();
			resealed += this.jdbc
				.sql("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE " + column.key() + " = ? AND "
						+ column.column() + " = ?")
				.params(this.box.reseal(sealed.value(), context), sealed.key(), sealed.value())
				.update();
		}
		return resealed;
	}

}
