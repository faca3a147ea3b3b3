package org.zeitspende.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.security.Caller;
import org.zeitspende.security.Callers;
import org.zeitspende.security.Role;

/**
 * Events as anyone sees them, their calendars, and helpers' registrations.
 */
@RestController
@Tag(name = "Events for everyone", description = "Upcoming events, calendars and registration")
class PublicEventController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final Events events;

	private final Calendars calendars;

	private final ReferenceData referenceData;

	PublicEventController(Events events, Calendars calendars, ReferenceData referenceData) {
		this.events = events;
		this.calendars = calendars;
		this.referenceData = referenceData;
	}

	@GetMapping("/api/public/events")
	@Operation(summary = "Upcoming events of approved organisations, soonest first")
	Mono<List<Event>> upcoming(@RequestParam(required = false) @Size(max = 64) String place,
			@RequestParam(required = false) UUID organisation,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
		return this.events.upcoming(Instant.now(), place, organisation, limit, offset);
	}

	@GetMapping("/api/public/events/{id}")
	@Operation(summary = "One event")
	Mono<Event> get(@PathVariable UUID id) {
		return this.events.published(id);
	}

	@GetMapping("/api/public/events/{id}/event.ics")
	@Operation(summary = "One event as iCalendar")
	Mono<ResponseEntity<String>> eventCalendar(@PathVariable UUID id) {
		return this.events.published(id)
			.zipWith(placeNames())
			.map((found) -> calendar(
					this.calendars.calendar(found.getT1().title(), List.of(found.getT1()), found.getT2())));
	}

	@GetMapping("/api/public/organisations/{organisation}/events.ics")
	@Operation(summary = "All events of an organisation as an iCalendar feed to subscribe to")
	Mono<ResponseEntity<String>> organisationCalendar(@PathVariable UUID organisation) {
		return this.events.calendarOf(organisation)
			.switchIfEmpty(Mono.error(EventProblem::notFound))
			.zipWith(placeNames())
			.map((found) -> calendar(this.calendars.calendar("Zeitspende", found.getT1(), found.getT2())));
	}

	@PutMapping("/api/me/events/{id}/registration")
	@Operation(summary = "Register for an event with a capacity",
			description = "Registering again answers the same; a full event answers 409.")
	@SecurityRequirement(name = "bearer")
	Mono<Event> register(@PathVariable UUID id) {
		return helperId().flatMap((helperId) -> this.events.register(helperId, id, Instant.now()));
	}

	@DeleteMapping("/api/me/events/{id}/registration")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Take back my registration, which frees the place")
	@SecurityRequirement(name = "bearer")
	Mono<Void> unregister(@PathVariable UUID id) {
		return helperId().flatMap((helperId) -> this.events.unregister(helperId, id));
	}

	private Mono<Map<String, String>> placeNames() {
		return this.referenceData.places()
			.map((places) -> places.stream().collect(Collectors.toMap(Place::code, Place::name)));
	}

	private static ResponseEntity<String> calendar(String ics) {
		return ResponseEntity.ok().contentType(CALENDAR).body(ics);
	}

	/**
	 * The signed-in helper.
	 * @return the helper's id; an error when the caller is no helper
	 */
	static Mono<UUID> helperId() {
		return Callers.current()
			.filter((caller) -> caller.has(Role.HELPER))
			.map(Caller::subject)
			.switchIfEmpty(Mono.error(EventProblem::helperNotFound));
	}

}
