package org.zeitspende.helper;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.dispatch.Channel;

/**
 * The target of {@code List-Unsubscribe} (RFC 8058 one-click: a POST) and of apps.
 */
@RestController
@RequestMapping("/api/unsubscribe/{token}")
@Tag(name = "Helpers")
class UnsubscribeController {

	private final Unsubscribes unsubscribes;

	UnsubscribeController(Unsubscribes unsubscribes) {
		this.unsubscribes = unsubscribes;
	}

	@GetMapping
	@Operation(summary = "What this unsubscribe link stops; changes nothing")
	Mono<UnsubscribeResult> peek(@PathVariable String token) {
		return this.unsubscribes.peek(token).map((channel) -> new UnsubscribeResult("SUBSCRIBED", channel));
	}

	@PostMapping
	@Operation(summary = "Stop every message on this channel, in one step")
	Mono<UnsubscribeResult> unsubscribe(@PathVariable String token) {
		return this.unsubscribes.unsubscribe(token).map((channel) -> new UnsubscribeResult("UNSUBSCRIBED", channel));
	}

	record UnsubscribeResult(String status, Channel channel) {
	}

}
