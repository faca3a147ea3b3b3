package org.zeitspende.config.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start refused because another instance uses the embedded data.
 */
class EmbeddedDataInUseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDataInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDataInUseException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Stop the other instance first, or start this one with its own folder: "
						+ "--zeitspende.embedded.data-dir=<folder> (ZEITSPENDE_EMBEDDED_DATA_DIR).",
				cause);
	}

}
