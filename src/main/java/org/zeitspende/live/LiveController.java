package org.zeitspende.live;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.security.Caller;

/**
 * The live fill view of a callout, for the coordinators and admins of its organisation.
 */
@RestController
@Tag(name = "Callouts", description = "Asking for helpers: your organisation's callouts")
class LiveController {

	// nginx (and ingress-nginx) would otherwise buffer the stream.
	private static final String NO_PROXY_BUFFERING = "X-Accel-Buffering";

	private final LiveStreams streams;

	LiveController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/api/callouts/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Follow a callout live (server-sent events)",
			description = "First a snapshot, then one event per change: asked, delivered, confirmed, declined, "
					+ "withdrawn, filled, reopened, exhausted, cancelled, expired. Each carries the callout's status "
					+ "and counts. The stream ends after cancelled or expired; a heartbeat comment keeps it open.")
	Mono<ResponseEntity<Flux<ServerSentEvent<LiveEvent>>>> events(@AuthenticationPrincipal Caller caller,
			@PathVariable UUID id) {
		// The callout is looked up before the response starts, so that a problem is
		// answered as JSON rather than as a broken stream.
		return this.streams.follow(caller, id)
			.map((events) -> ResponseEntity.ok().header(NO_PROXY_BUFFERING, "no").body(events));
	}

}
