package org.zeitspende.helper;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zeitspende.dispatch.Channel;

/**
 * A signed-in helper's own profile. The helper is always the one in the token.
 */
@RestController
@RequestMapping("/api/me")
@Tag(name = "Helper self-service", description = "For helpers signed in through a sign-in link")
@SecurityRequirement(name = "bearer")
class SelfServiceController {

	private final SelfService selfService;

	SelfServiceController(SelfService selfService) {
		this.selfService = selfService;
	}

	@GetMapping
	@Operation(summary = "My profile, with the state of each consent")
	Mono<HelperProfile> profile() {
		return SelfService.signedInHelper().flatMap(this.selfService::profile);
	}

	@PutMapping("/preferences")
	@Operation(summary = "Change places, activities, languages, skills, time and ask budget, quiet hours")
	Mono<HelperProfile> updatePreferences(@Valid @RequestBody HelperPreferences preferences) {
		return SelfService.signedInHelper().flatMap((id) -> this.selfService.updatePreferences(id, preferences));
	}

	@PutMapping("/pause")
	@Operation(summary = "Pause: no asks until the given time")
	Mono<HelperProfile> pause(@Valid @RequestBody Pause pause) {
		return SelfService.signedInHelper().flatMap((id) -> this.selfService.pause(id, pause.until()));
	}

	@DeleteMapping("/pause")
	@Operation(summary = "End a pause now")
	Mono<HelperProfile> resume() {
		return SelfService.signedInHelper().flatMap((id) -> this.selfService.pause(id, null));
	}

	@PutMapping("/consents/{channel}/{purpose}")
	@Operation(summary = "Agree to be contacted on a channel for a purpose")
	Mono<HelperProfile> grantConsent(@PathVariable Channel channel, @PathVariable ConsentPurpose purpose,
			@Valid @RequestBody ConsentGrant grant) {
		return SelfService.signedInHelper()
			.flatMap((id) -> this.selfService.grantConsent(id, channel, purpose, grant.textVersion()));
	}

	@DeleteMapping("/consents/{channel}/{purpose}")
	@Operation(summary = "Withdraw a consent")
	Mono<HelperProfile> withdrawConsent(@PathVariable Channel channel, @PathVariable ConsentPurpose purpose) {
		return SelfService.signedInHelper().flatMap((id) -> this.selfService.withdrawConsent(id, channel, purpose));
	}

	@GetMapping("/export")
	@Operation(summary = "All my data, as stored, as one JSON document")
	Mono<ResponseEntity<Map<String, List<Map<String, Object>>>>> export() {
		return SelfService.signedInHelper()
			.flatMap(this.selfService::export)
			.map((data) -> ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zeitspende-export.json\"")
				.body(data));
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Erase my personal data; only anonymous counts remain")
	Mono<Void> erase() {
		return SelfService.signedInHelper().flatMap(this.selfService::erase);
	}

	record Pause(@NotNull OffsetDateTime until) {
	}

	record ConsentGrant(@NotBlank @Size(max = 32) String textVersion) {
	}

}
