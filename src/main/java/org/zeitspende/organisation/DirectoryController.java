package org.zeitspende.organisation;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public directory of approved organisations and each one's page.
 */
@RestController
@Tag(name = "Organisations for everyone", description = "Directory and public pages of approved organisations")
class DirectoryController {

	private final OrganisationRepository organisations;

	private final SeekingOrganisations seeking;

	DirectoryController(OrganisationRepository organisations, SeekingOrganisations seeking) {
		this.organisations = organisations;
		this.seeking = seeking;
	}

	@GetMapping("/api/public/organisations")
	@Operation(summary = "Approved organisations, oldest first; ?place= for those working in a place, "
			+ "?activity= for those with an open requirement profile of an activity")
	Mono<List<PublicOrganisation>> directory(@RequestParam(required = false) @Size(max = 64) String place,
			@RequestParam(required = false) @Size(max = 64) String activity) {
		Mono<Predicate<UUID>> inActivity = (activity != null)
				? this.seeking.inActivity(activity).map((seekers) -> seekers::contains) : Mono.just((id) -> true);
		return inActivity.flatMap((seeks) -> this.organisations.findAll(OrganisationStatus.APPROVED)
			.filter((organisation) -> place == null || organisation.places().contains(place))
			.filter((organisation) -> seeks.test(organisation.id()))
			.map(PublicOrganisation::of)
			.collectList());
	}

	@GetMapping("/api/public/organisations/{id}")
	@Operation(summary = "An approved organisation's page, with links to what it publishes")
	Mono<PublicOrganisation> page(@PathVariable UUID id) {
		return this.organisations.find(id)
			.filter((organisation) -> organisation.status() == OrganisationStatus.APPROVED)
			.map(PublicOrganisation::of)
			.switchIfEmpty(Mono.error(AccountProblem::organisationNotFound));
	}

}
