package io.patchbay.platform;

import java.util.List;

/**
 * Where a module keeps secrets at rest, for {@link MasterKeyRotation}: each module owns
 * its tables and knows the context each sealed column was encrypted under, so each names
 * its own columns.
 */
public interface SealedSecrets {

	/**
	 * A sealed column: the value of row {@code key} was encrypted under the context
	 * {@code contextPrefix + key + contextSuffix}.
	 */
	record Column(String table, String key, String column, String contextPrefix, String contextSuffix) {

		public Column(String table, String key, String column, String contextPrefix) {
			this(table, key, column, contextPrefix, "");
		}

	}

	List<Column> sealedColumns();

}
