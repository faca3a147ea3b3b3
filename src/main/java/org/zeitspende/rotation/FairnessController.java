package org.zeitspende.rotation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For platform operators: whether asks spread evenly over the helpers.
 */
@RestController
@Tag(name = "Operators")
class FairnessController {

	private final FairnessReport report;

	FairnessController(FairnessReport report) {
		this.report = report;
	}

	@GetMapping("/api/admin/fairness")
	@Operation(summary = "How many times each helper was asked, as a distribution (counts only)")
	Mono<Fairness> fairness() {
		return this.report.overall();
	}

}
