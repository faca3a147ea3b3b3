package org.zeitspende.donation;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.ratelimit.ClientAddress;

/**
 * Open donation needs as anyone sees them, and donors' pledges.
 */
@RestController
@Tag(name = "Donation needs for everyone", description = "What organisations need, and pledging it")
class PublicNeedController {

	private final Needs needs;

	PublicNeedController(Needs needs) {
		this.needs = needs;
	}

	@GetMapping("/api/public/donation-needs")
	@Operation(summary = "Open donation needs of approved organisations, most urgent first",
			description = "Filter by place, category and organisation.")
	Mono<List<Need>> open(@RequestParam(required = false) @Size(max = 64) String place,
			@RequestParam(required = false) Category category, @RequestParam(required = false) UUID organisation,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
		return this.needs.open(place, category, organisation, limit, offset);
	}

	@GetMapping("/api/public/donation-needs/{id}")
	@Operation(summary = "One donation need")
	Mono<Need> get(@PathVariable UUID id) {
		return this.needs.published(id);
	}

	@PostMapping("/api/public/donation-needs/{id}/pledges")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Pledge a quantity",
			description = "Refused with 409 when it exceeds what is still needed, or the need is closed or stopped, "
					+ "and with 429 when too many pledges came from the same address.")
	Mono<PledgeReceipt> pledge(@PathVariable UUID id, @Valid @RequestBody NewPledge pledge,
			ServerWebExchange exchange) {
		return this.needs.pledge(id, pledge, ClientAddress.of(exchange));
	}

}
