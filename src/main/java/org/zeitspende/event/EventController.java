package org.zeitspende.event;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * Events of the caller's organisation, for its coordinators and admins.
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events", description = "Your organisation's events")
class EventController {

	private final Events events;

	EventController(Events events) {
		this.events = events;
	}

	@PostMapping
	@Operation(summary = "Create an event", description = "With a capacity, helpers may register up to it.")
	Mono<ResponseEntity<Event>> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewEvent event) {
		return this.events.create(organisationOf(caller), caller.subject(), event, Instant.now())
			.map((created) -> ResponseEntity.created(URI.create("/api/events/" + created.id())).body(created));
	}

	@GetMapping
	@Operation(summary = "Your organisation's events, soonest first")
	Mono<List<Event>> list(@AuthenticationPrincipal Caller caller) {
		return this.events.list(organisationOf(caller));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One event with its registration count")
	Mono<Event> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.events.existing(organisationOf(caller), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a scheduled event's contents",
			description = "Not when cancelled (409). The capacity cannot drop below the registrations (400).")
	Mono<Event> replace(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody NewEvent event) {
		return this.events.replace(organisationOf(caller), id, event, Instant.now());
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel an event", description = "Cancelling again answers the cancelled event.")
	Mono<Event> cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.events.cancel(organisationOf(caller), id);
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(EventProblem::notFound);
	}

}
