package org.zeitspende.message;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.security.Caller;
import org.zeitspende.security.Callers;
import org.zeitspende.security.Role;

/**
 * A signed-in helper's threads with organisations.
 */
@RestController
@RequestMapping("/api/me/message-threads")
@Tag(name = "Messages for helpers", description = "Read and answer messages from organisations")
@SecurityRequirement(name = "bearer")
class HelperMessageController {

	private final Messages messages;

	HelperMessageController(Messages messages) {
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "My threads, latest activity first")
	Mono<List<MessageThread>> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
		return helperId().flatMap((helperId) -> this.messages.threadsOfHelper(helperId, limit, offset));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One of my threads with its messages, oldest first")
	Mono<Conversation> get(@PathVariable UUID id) {
		return helperId().flatMap((helperId) -> this.messages.conversationOfHelper(helperId, id));
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Reply to the organisation")
	Mono<ThreadMessage> reply(@PathVariable UUID id, @Valid @RequestBody NewMessage message) {
		return helperId().flatMap((helperId) -> this.messages.replyAsHelper(helperId, id, message));
	}

	// The helper signed in, for the API and the pages.
	static Mono<UUID> helperId() {
		return Callers.current()
			.filter((caller) -> caller.has(Role.HELPER))
			.map(Caller::subject)
			.switchIfEmpty(Mono.error(MessageProblem::helperNotFound));
	}

}
