package org.zeitspende.message;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.security.Caller;

/**
 * The threads of the caller's organisation, for its coordinators and admins.
 */
@RestController
@RequestMapping("/api/message-threads")
@Tag(name = "Messages", description = "Threads with other organisations and with helpers")
class MessageController {

	private final Messages messages;

	MessageController(Messages messages) {
		this.messages = messages;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a thread",
			description = "To other approved organisations (organisationIds), to the helper of an interest in one "
					+ "of your requirement profiles (interestId), or to every helper confirmed for one of your "
					+ "callouts (calloutId: one thread per helper). Helpers also get it by email if they agreed.")
	Mono<List<MessageThread>> start(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewThread thread) {
		return this.messages.start(caller, organisationOf(caller), thread);
	}

	@GetMapping
	@Operation(summary = "Your organisation's threads, latest activity first")
	Mono<List<MessageThread>> list(@AuthenticationPrincipal Caller caller,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
		return this.messages.threadsOf(organisationOf(caller), limit, offset);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One thread with its messages, oldest first")
	Mono<Conversation> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.messages.conversation(organisationOf(caller), id);
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reply in a thread")
	Mono<ThreadMessage> reply(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody NewMessage message) {
		return this.messages.reply(organisationOf(caller), caller.subject(), id, message);
	}

	// The member's organisation, for the API and the pages.
	static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(MessageProblem::threadNotFound);
	}

}
