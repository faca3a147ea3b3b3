package org.zeitspende.security;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class ExternalIssuerDiscoveryTests {

	private final CountyIssuer county = new CountyIssuer();

	@AfterEach
	void stop() {
		this.county.close();
	}

	@Test
	void withoutJwkSetUri_theKeysAreFoundThroughDiscovery() {
		ReactiveJwtDecoder decoder = decoder();
		String token = this.county.tokens().token().claim("sub", "someone").sign();
		decoder.decode(token)
			.as(StepVerifier::create)
			.assertNext((jwt) -> assertThat(jwt.getSubject()).isEqualTo("someone"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void theCaller_isReadFromTheConfiguredClaims() {
		UUID organisation = UUID.randomUUID();
		AuthProperties.Oidc oidc = new AuthProperties.Oidc(this.county.issuer(), "", CountyIssuer.AUDIENCE, "org",
				"groups");
		String token = this.county.tokens()
			.token()
			.claim("org", organisation.toString())
			.claim("groups", List.of("Coordinator", "operator", "helper", "unknown"))
			.sign();
		decoder().decode(token).map(new ExternalTokens(oidc)::caller).as(StepVerifier::create).assertNext((caller) -> {
			assertThat(caller.organisationId()).contains(organisation);
			assertThat(caller.roles()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.OPERATOR);
		}).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void aTokenOfAnotherIssuer_failsValidation() {
		String token = this.county.tokens().token().issuer("https://elsewhere.example.org").sign();
		decoder().decode(token)
			.as(StepVerifier::create)
			.expectError(JwtValidationException.class)
			.verify(Duration.ofSeconds(10));
	}

	private ReactiveJwtDecoder decoder() {
		AuthProperties.Oidc oidc = new AuthProperties.Oidc(this.county.issuer(), "", CountyIssuer.AUDIENCE, null, null);
		AuthProperties properties = new AuthProperties("", "http://localhost:8080", "zeitspende-api",
				Duration.ofMinutes(15), Duration.ofSeconds(30), oidc);
		return TrustedIssuers.externalDecoder(properties.oidc(), properties);
	}

}
