package org.zeitspende.organisation;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * Applying as an organisation, and the caller's own organisation's profile.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Organisations", description = "Applying, and your organisation's profile")
class OrganisationController {

	private final Organisations organisations;

	OrganisationController(Organisations organisations) {
		this.organisations = organisations;
	}

	@PostMapping("/organisations")
	@Operation(summary = "Apply as an organisation, with its first admin",
			description = "The organisation waits for an operator's approval; until then its members may sign in "
					+ "and see and edit its profile only.")
	Mono<ResponseEntity<Organisation>> apply(@Valid @RequestBody OrganisationApplication application) {
		return this.organisations.apply(application)
			.map((organisation) -> ResponseEntity.created(URI.create("/api/organisation")).body(organisation));
	}

	@GetMapping("/organisation")
	@Operation(summary = "Your organisation's profile")
	Mono<Organisation> profile(@AuthenticationPrincipal Caller caller) {
		return this.organisations.profile(organisationOf(caller));
	}

	@PatchMapping("/organisation")
	@Operation(summary = "Change your organisation's profile (admins)")
	Mono<Organisation> changeProfile(@AuthenticationPrincipal Caller caller, @Valid @RequestBody ProfileChange change) {
		return this.organisations.changeProfile(organisationOf(caller), change);
	}

	static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(AccountProblem::organisationNotFound);
	}

}
