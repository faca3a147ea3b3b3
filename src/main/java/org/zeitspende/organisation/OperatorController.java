package org.zeitspende.organisation;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * The platform operators' view of all organisations: approving and suspending them.
 */
@RestController
@RequestMapping("/api/admin/organisations")
@Tag(name = "Operators", description = "Approving and suspending organisations (platform operators)")
class OperatorController {

	private final Organisations organisations;

	OperatorController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	@Operation(summary = "List organisations, optionally only those with the given status")
	Flux<Organisation> all(@RequestParam(required = false) OrganisationStatus status) {
		return this.organisations.all(status);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve an organisation: its members may use the API")
	Mono<Organisation> approve(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.organisations.changeStatus(id, OrganisationStatus.APPROVED, caller.subject());
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "Suspend an organisation: its members may do nothing")
	Mono<Organisation> suspend(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.organisations.changeStatus(id, OrganisationStatus.SUSPENDED, caller.subject());
	}

}
