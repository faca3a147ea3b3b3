package org.zeitspende.helper;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.ratelimit.ClientAddress;

/**
 * Public endpoints for becoming a helper and signing in without a password.
 */
@RestController
@RequestMapping("/api/helpers")
@Tag(name = "Helpers", description = "Registration, double opt-in and sign-in links")
class RegistrationController {

	private final Registrations registrations;

	private final Verifications verifications;

	private final SignIns signIns;

	RegistrationController(Registrations registrations, Verifications verifications, SignIns signIns) {
		this.registrations = registrations;
		this.verifications = verifications;
		this.signIns = signIns;
	}

	// Not @Valid: RegistrationChecks validates, together with what bean validation cannot
	// check, so that every invalid field is named at once.
	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Register as a helper; a verification link (and for a mobile number a code) is sent")
	Mono<Registrations.RegistrationAccepted> register(@RequestBody HelperRegistration registration,
			ServerWebExchange exchange) {
		return this.registrations.register(registration, ClientAddress.of(exchange));
	}

	@PostMapping("/verification")
	@Operation(summary = "Verify a channel with the token from a verification link")
	Mono<VerificationResult> verifyLink(@Valid @RequestBody TokenRequest request) {
		return this.verifications.verifyLink(request.token()).map(VerificationResult::of);
	}

	@PostMapping("/verification/code")
	@Operation(summary = "Verify a mobile number with the six-digit code sent by SMS")
	Mono<VerificationResult> verifyCode(@Valid @RequestBody CodeRequest request) {
		return this.verifications.verifyCode(request.mobile(), request.code()).map(VerificationResult::of);
	}

	@PostMapping("/sign-in-link")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a sign-in link to a verified email address or mobile number, if it is registered")
	Mono<Void> sendSignInLink(@Valid @RequestBody SignInLinkRequest request, ServerWebExchange exchange) {
		return this.signIns.sendLink(request, ClientAddress.of(exchange));
	}

	@PostMapping("/session")
	@Operation(summary = "Exchange the token of a sign-in link for a short-lived access token")
	Mono<AccessToken> session(@Valid @RequestBody TokenRequest request) {
		return this.signIns.exchange(request.token())
			.map((issued) -> new AccessToken(issued.accessToken(), "Bearer", issued.expiresIn()));
	}

	record TokenRequest(@NotBlank @Size(max = 64) String token) {
	}

	record CodeRequest(@NotBlank @Size(max = 32) String mobile,
			@NotBlank @Pattern(regexp = "\\d{6}", message = "must be six digits") String code) {
	}

	record VerificationResult(String status, Channel channel) {

		static VerificationResult of(Verifications.Verified verified) {
			return new VerificationResult("VERIFIED", verified.channel());
		}

	}

	record AccessToken(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {

		AccessToken(String token, String type, Duration expiresIn) {
			this(token, type, expiresIn.toSeconds());
		}

	}

}
