package org.zeitspende.donation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * Donation needs of the caller's organisation and their pledges, for its coordinators and
 * admins.
 */
@RestController
@RequestMapping("/api/donation-needs")
@Tag(name = "Donation needs", description = "Your organisation's Spendenbedarf and its pledges")
class NeedController {

	private final Needs needs;

	NeedController(Needs needs) {
		this.needs = needs;
	}

	@PostMapping
	@Operation(summary = "Post a donation need")
	Mono<ResponseEntity<Need>> create(@AuthenticationPrincipal Caller caller, @Valid @RequestBody NewNeed need) {
		return this.needs.create(organisationOf(caller), caller.subject(), need)
			.map((created) -> ResponseEntity.created(URI.create("/api/donation-needs/" + created.id())).body(created));
	}

	@GetMapping
	@Operation(summary = "Your organisation's donation needs, newest first")
	Mono<List<Need>> list(@AuthenticationPrincipal Caller caller) {
		return this.needs.list(organisationOf(caller));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One donation need with the quantity pledged")
	Mono<Need> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.needs.existing(organisationOf(caller), id);
	}

	@PutMapping("/{id}/donation-stop")
	@Operation(summary = "Spendenstopp: take no pledges for now")
	Mono<Need> stop(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.needs.stop(organisationOf(caller), id, true);
	}

	@DeleteMapping("/{id}/donation-stop")
	@Operation(summary = "Lift the Spendenstopp")
	Mono<Need> resume(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.needs.stop(organisationOf(caller), id, false);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close the need, also before the pledges meet it")
	Mono<Need> close(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.needs.close(organisationOf(caller), id);
	}

	@GetMapping("/{id}/pledges")
	@Operation(summary = "The pledges, with the donors' names and contacts")
	Mono<List<Pledge>> pledges(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.needs.pledges(organisationOf(caller), id);
	}

	@PostMapping("/{id}/pledges/{pledge}/received")
	@Operation(summary = "Mark a pledge received", description = "Marking again keeps the first time.")
	Mono<Pledge> received(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID pledge) {
		return this.needs.markReceived(organisationOf(caller), id, pledge);
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(DonationProblem::needNotFound);
	}

}
