package org.zeitspende.callout;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * Callouts of the caller's organisation, for its coordinators and admins.
 */
@RestController
@RequestMapping("/api/callouts")
@Tag(name = "Callouts", description = "Asking for helpers: your organisation's callouts")
class CalloutController {

	private final Callouts callouts;

	private final CalloutPreviews previews;

	CalloutController(Callouts callouts, CalloutPreviews previews) {
		this.callouts = callouts;
		this.previews = previews;
	}

	@PostMapping
	@Operation(summary = "Create a callout", description = "It opens at once; helpers are asked in later steps.")
	Mono<ResponseEntity<Callout>> create(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody NewCallout callout) {
		return this.callouts.create(organisationOf(caller), caller.subject(), callout, Instant.now())
			.map((created) -> ResponseEntity.created(URI.create("/api/callouts/" + created.id())).body(created));
	}

	@GetMapping
	@Operation(summary = "List your organisation's callouts, newest first",
			description = "Filter by status and by start time (from inclusive, to exclusive); page with limit and "
					+ "offset.")
	Mono<CalloutPage> list(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) CalloutStatus status,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
		return this.callouts.list(organisationOf(caller), new CalloutFilter(status, from, to), limit, offset);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One callout with its counts")
	Mono<Callout> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.callouts.get(organisationOf(caller), id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change details, meeting point or contact hint before the callout starts")
	Mono<Callout> change(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody CalloutChange change) {
		return this.callouts.change(organisationOf(caller), id, change, Instant.now());
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a callout", description = "Cancelling again answers the cancelled callout.")
	Mono<Callout> cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.callouts.cancel(organisationOf(caller), id);
	}

	@GetMapping("/{id}/preview")
	@Operation(summary = "How many helpers the callout would reach",
			description = "Counts and pseudonymous ids only; nothing is sent.")
	Mono<CalloutPreview> preview(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.previews.preview(organisationOf(caller), id, Instant.now());
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(CalloutProblem::notFound);
	}

}
