package io.patchbay.connections;

import java.util.List;

/**
 * Who relies on a connection, asked before it is deleted: implemented by the modules
 * whose definitions name connections (workflows), so that this module needs no arrow to
 * them.
 */
public interface ConnectionUsers {

	/**
	 * What would break if the connection went, named for the administrator (the published
	 * workflows using it); empty when nothing would.
	 * @param nameKey the connection's name in lower case
	 */
	List<String> using(String nameKey);

}
