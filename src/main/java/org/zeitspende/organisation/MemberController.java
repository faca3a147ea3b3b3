package org.zeitspende.organisation;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * The members of the caller's organisation, for its admins.
 */
@RestController
@RequestMapping("/api/organisation/members")
@Tag(name = "Members", description = "Your organisation's members (admins)")
class MemberController {

	private final Members members;

	MemberController(Members members) {
		this.members = members;
	}

	@GetMapping
	@Operation(summary = "List your organisation's members")
	Flux<Member> all(@AuthenticationPrincipal Caller caller) {
		return this.members.all(OrganisationController.organisationOf(caller));
	}

	@PostMapping
	@Operation(summary = "Add a member with a first password")
	Mono<ResponseEntity<Member>> add(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewMember member) {
		return this.members.add(OrganisationController.organisationOf(caller), member)
			.map((added) -> ResponseEntity.created(URI.create("/api/organisation/members/" + added.id())).body(added));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a member's role, set a new password or lift a lockout")
	Mono<Member> change(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody MemberChange change) {
		return this.members.change(OrganisationController.organisationOf(caller), id, change);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a member; the last admin stays")
	Mono<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.members.remove(OrganisationController.organisationOf(caller), id);
	}

}
