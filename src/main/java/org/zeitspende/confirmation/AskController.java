package org.zeitspende.confirmation;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The helper's side of an ask, for apps: the token from the link stands in for a sign-in.
 * An unknown token, or one whose callout has ended, answers 404.
 */
@RestController
@RequestMapping("/api/asks/{token}")
@Tag(name = "Asks", description = "Answering an ask with the token from its link")
class AskController {

	private final Confirmations confirmations;

	private final TokenMisses misses;

	AskController(Confirmations confirmations, TokenMisses misses) {
		this.confirmations = confirmations;
		this.misses = misses;
	}

	@GetMapping
	@Operation(summary = "The ask: what, where, when, how many still needed, and the answer so far",
			description = "Changes nothing.")
	Mono<AskView> get(@PathVariable String token, ServerWebExchange exchange) {
		Instant now = Instant.now();
		return this.confirmations.asked(token, now)
			.map((asked) -> AskView.of(asked.callout(), asked.answer(), asked.standby(), now))
			.switchIfEmpty(Mono.defer(() -> notFound(exchange)));
	}

	@PostMapping("/accept")
	@Operation(summary = "Yes, I come",
			description = "CONFIRMED only once stored; FULL (with up to three similar open callouts in alternatives) "
					+ "or CLOSED otherwise. Repeating it answers the same.")
	Mono<AskView.Answered> accept(@PathVariable String token, ServerWebExchange exchange) {
		return answer(token, Answer.ACCEPT, exchange);
	}

	@PostMapping("/decline")
	@Operation(summary = "No, not this time",
			description = "A confirmed helper stays confirmed " + "(ALREADY_CONFIRMED): withdraw instead.")
	Mono<AskView.Answered> decline(@PathVariable String token, ServerWebExchange exchange) {
		return answer(token, Answer.DECLINE, exchange);
	}

	@PostMapping("/standby")
	@Operation(summary = "Tell me when a place is free again",
			description = "After FULL: STANDBY puts the helper on the callout's standby list, or keeps the place "
					+ "there; the first helper on it is told when a confirmed helper withdraws and then accepts "
					+ "again. CLOSED when the callout is over; a stored answer is answered again.")
	Mono<AskView.Answered> standby(@PathVariable String token, ServerWebExchange exchange) {
		return answer(token, Answer.STANDBY, exchange);
	}

	@PostMapping("/withdraw")
	@Operation(summary = "I said yes, but cannot come",
			description = "Until zeitspende.confirmations.withdraw-until before the start; the slot opens again.")
	Mono<AskView.Answered> withdraw(@PathVariable String token, ServerWebExchange exchange) {
		return answer(token, Answer.WITHDRAW, exchange);
	}

	private Mono<AskView.Answered> answer(String token, Answer answer, ServerWebExchange exchange) {
		Instant now = Instant.now();
		return this.confirmations.answer(token, answer, now).flatMap((result) -> {
			if (result.outcome() == Outcome.INVALID) {
				return notFound(exchange);
			}
			AskView ask = AskView.of(result.callout(), result.outcome(), result.outcome() == Outcome.STANDBY, now);
			return Mono.just(new AskView.Answered(result.outcome(), ask, result.alternatives()));
		});
	}

	private <T> Mono<T> notFound(ServerWebExchange exchange) {
		return this.misses.count(exchange).then(Mono.error(AskNotFoundException::new));
	}

}
