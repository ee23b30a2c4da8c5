package dev.firebreak.comms;

import java.util.List;

/**
 * The components a public update may name, as the status page lists them (implemented there).
 * When it names any, a public update naming another is refused with the list to choose from.
 */
public interface PublicComponents {

	/** The components' public names, in page order. */
	List<String> names();
}
