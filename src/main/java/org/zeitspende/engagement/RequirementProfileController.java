package org.zeitspende.engagement;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * Requirement profiles of the caller's organisation and the helpers interested in them,
 * for its coordinators and admins.
 */
@RestController
@RequestMapping("/api/requirement-profiles")
@Tag(name = "Requirement profiles", description = "Regular engagement: your organisation's requirement profiles")
class RequirementProfileController {

	private final RequirementProfiles profiles;

	private final Interests interests;

	private final SuitableHelpers suitableHelpers;

	RequirementProfileController(RequirementProfiles profiles, Interests interests, SuitableHelpers suitableHelpers) {
		this.profiles = profiles;
		this.interests = interests;
		this.suitableHelpers = suitableHelpers;
	}

	@PostMapping
	@Operation(summary = "Create a requirement profile", description = "It is open for volunteers at once.")
	Mono<ResponseEntity<RequirementProfile>> create(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody NewRequirementProfile profile) {
		return this.profiles.create(organisationOf(caller), caller.subject(), profile)
			.map((created) -> ResponseEntity.created(URI.create("/api/requirement-profiles/" + created.id()))
				.body(created));
	}

	@GetMapping
	@Operation(summary = "List your organisation's requirement profiles, newest first")
	Mono<List<RequirementProfile>> list(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) ProfileStatus status,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
		return this.profiles.list(organisationOf(caller), status, limit, offset);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One requirement profile")
	Mono<RequirementProfile> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.profiles.existing(organisationOf(caller), id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace the contents of a requirement profile that is not closed")
	Mono<RequirementProfile> replace(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody NewRequirementProfile profile) {
		return this.profiles.replace(organisationOf(caller), id, profile);
	}

	@PostMapping("/{id}/pause")
	@Operation(summary = "Pause: volunteers no longer see it until it opens again")
	Mono<RequirementProfile> pause(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.profiles.pause(organisationOf(caller), id);
	}

	@PostMapping("/{id}/open")
	@Operation(summary = "Open a paused requirement profile again")
	Mono<RequirementProfile> open(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.profiles.open(organisationOf(caller), id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close for good")
	Mono<RequirementProfile> close(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.profiles.close(organisationOf(caller), id);
	}

	@GetMapping("/{id}/interests")
	@Operation(summary = "Helpers interested in it, best fit first",
			description = "Pseudonymous; contact data only where the helper shared it.")
	Mono<List<InterestedHelper>> interests(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		return this.interests.ranked(organisationOf(caller), id);
	}

	@GetMapping("/{id}/suitable-helpers")
	@Operation(summary = "Registered helpers who would fit it, best fit first",
			description = "Helpers who may be asked now (verified, not paused) and who do its activity or go to "
					+ "one of its places, scored like interests. Pseudonymous, without contact data.")
	Mono<List<SuitableHelper>> suitableHelpers(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) @Max(SuitableHelpers.CANDIDATES) int offset) {
		return this.suitableHelpers.ranked(organisationOf(caller), id, limit, offset);
	}

	@PostMapping("/{id}/interests/{interest}/accept")
	@Operation(summary = "Accept an interested helper")
	Mono<InterestedHelper> accept(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable UUID interest) {
		return this.interests.decide(organisationOf(caller), caller.subject(), id, interest, InterestStatus.ACCEPTED);
	}

	@PostMapping("/{id}/interests/{interest}/decline")
	@Operation(summary = "Decline an interested helper")
	Mono<InterestedHelper> decline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable UUID interest) {
		return this.interests.decide(organisationOf(caller), caller.subject(), id, interest, InterestStatus.DECLINED);
	}

	private static UUID organisationOf(Caller caller) {
		return caller.organisationId().orElseThrow(EngagementProblem::profileNotFound);
	}

}
