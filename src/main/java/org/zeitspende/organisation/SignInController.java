package org.zeitspende.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.zeitspende.security.Caller;

/**
 * Signing in for a bearer token, and changing one's own password.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Sign-in", description = "Bearer tokens for organisation members and operators")
class SignInController {

	private final SignIn signIn;

	SignInController(SignIn signIn) {
		this.signIn = signIn;
	}

	@PostMapping("/auth/token")
	@Operation(summary = "Exchange email and password for a short-lived bearer token",
			description = "A wrong password, an unknown email and a locked account all answer 401 alike. "
					+ "Repeated wrong passwords lock the account for a while.")
	Mono<ResponseEntity<TokenResponse>> token(@Valid @RequestBody TokenRequest request) {
		return this.signIn.signIn(request.email(), request.password())
			.map((signedIn) -> ResponseEntity.ok()
				.cacheControl(CacheControl.noStore())
				.header("Pragma", "no-cache")
				.body(TokenResponse.of(signedIn.token())));
	}

	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change your own password; the current one is required")
	Mono<Void> changePassword(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PasswordChange change) {
		return this.signIn.changePassword(caller.subject(), change.currentPassword(), change.newPassword());
	}

}
