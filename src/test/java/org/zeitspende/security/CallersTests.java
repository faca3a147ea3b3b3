package org.zeitspende.security;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class CallersTests {

	@Test
	void current_isTheCallerOfTheVerifiedToken() {
		Caller caller = new Caller(UUID.randomUUID(), Optional.empty(), Set.of(Role.HELPER));
		Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject(caller.subject().toString()).build();
		Callers.current()
			.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, jwt)))
			.as(StepVerifier::create)
			.expectNext(caller)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void current_isEmptyForAnonymousRequests() {
		Callers.current().as(StepVerifier::create).expectComplete().verify(Duration.ofSeconds(5));
	}

}
