package org.zeitspende.engagement;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;
import org.zeitspende.security.Callers;
import org.zeitspende.security.Role;

/**
 * Requirement profiles as volunteers see them: anyone browses the open ones, a signed-in
 * helper sees them scored against the own profile and expresses interest.
 */
@RestController
@Tag(name = "Engagement for volunteers", description = "Browse requirement profiles and express interest")
class VolunteerController {

	private final RequirementProfiles profiles;

	private final Interests interests;

	VolunteerController(RequirementProfiles profiles, Interests interests) {
		this.profiles = profiles;
		this.interests = interests;
	}

	@GetMapping("/api/public/requirement-profiles")
	@Operation(summary = "Browse open requirement profiles, newest first by default",
			description = "Filter by words (German stemming), place, activity and the most hours a week. Give "
					+ "hoursPerWeek (and places, activities, skills) to have each profile scored and to sort by "
					+ "FIT; sort NEWEST or START works without.")
	Mono<List<ScoredProfile>> browse(@Valid @ModelAttribute BrowseQuery query,
			@Valid @ModelAttribute SeekerQuery seeker) {
		return this.profiles.browse(query.filter(), seeker.seeker(), query.sortOr(BrowseSort.NEWEST),
				query.limitOrDefault(), query.offsetOrDefault());
	}

	@GetMapping("/api/public/requirement-profiles/{id}")
	@Operation(summary = "One open requirement profile")
	Mono<RequirementProfile> published(@PathVariable UUID id) {
		return this.profiles.published(id);
	}

	@GetMapping("/api/me/requirement-profiles")
	@Operation(summary = "Open requirement profiles scored against my profile, best fit first by default")
	@SecurityRequirement(name = "bearer")
	Mono<List<ScoredProfile>> browseAsHelper(@Valid @ModelAttribute BrowseQuery query) {
		return helperId().flatMap(this.interests::seeker)
			.flatMap((seeker) -> this.profiles.browse(query.filter(), seeker, query.sortOr(BrowseSort.FIT),
					query.limitOrDefault(), query.offsetOrDefault()));
	}

	@PutMapping("/api/me/requirement-profiles/{id}/interest")
	@Operation(summary = "Express interest in an open requirement profile",
			description = "The organisation sees you under a pseudonym; with shareContact it also sees your "
					+ "verified email address and mobile number. Sending it again changes shareContact.")
	@SecurityRequirement(name = "bearer")
	Mono<MyInterest> express(@PathVariable UUID id, @RequestBody(required = false) InterestRequest request) {
		boolean share = (request != null) && Boolean.TRUE.equals(request.shareContact());
		return helperId().flatMap((helperId) -> this.interests.express(helperId, id, share));
	}

	@DeleteMapping("/api/me/requirement-profiles/{id}/interest")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw my interest")
	@SecurityRequirement(name = "bearer")
	Mono<Void> withdraw(@PathVariable UUID id) {
		return helperId().flatMap((helperId) -> this.interests.withdraw(helperId, id));
	}

	@GetMapping("/api/me/interests")
	@Operation(summary = "My interests and whether the organisations accepted them")
	@SecurityRequirement(name = "bearer")
	Mono<List<MyInterest>> mine() {
		return helperId().flatMap(this.interests::mine);
	}

	/**
	 * The signed-in helper.
	 * @return the helper's id; an error when the caller is no helper
	 */
	static Mono<UUID> helperId() {
		return Callers.current()
			.filter((caller) -> caller.has(Role.HELPER))
			.map(Caller::subject)
			.switchIfEmpty(Mono.error(EngagementProblem::helperNotFound));
	}

	/**
	 * A helper's interest.
	 *
	 * @param shareContact whether the organisation may see the contact data (default no)
	 */
	record InterestRequest(Boolean shareContact) {
	}

}
