package org.zeitspende.config.embedded;

import java.nio.file.Path;

/**
 * Another running instance uses the embedded data directory.
 */
class EmbeddedDataInUseException extends IllegalStateException {

	private final transient Path dataDir;

	EmbeddedDataInUseException(Path dataDir) {
		super("The embedded data in " + dataDir + " is in use by another running Zeitspende");
		this.dataDir = dataDir;
	}

	Path dataDir() {
		return this.dataDir;
	}

}
