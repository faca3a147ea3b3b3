package org.zeitspende.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenIssuerTests {

	private static final SigningKey KEY = SigningKey.of("", LogFactory.getLog(TokenIssuerTests.class));

	private final AuthProperties properties = new AuthProperties("", "https://zeitspende.example.org", "zeitspende-api",
			Duration.ofMinutes(15), Duration.ofSeconds(30), null);

	private final TokenIssuer issuer = new JwtTokenIssuer(KEY, this.properties, Clock.systemUTC());

	private final ReactiveJwtDecoder decoder = TrustedIssuers.ownDecoder(this.properties, KEY);

	@Test
	void helperToken_carriesTheHelperAndItsLifetime() {
		UUID helper = UUID.randomUUID();
		this.issuer.issueForHelper(helper, Duration.ofMinutes(30))
			.flatMap((token) -> this.decoder.decode(token.accessToken())
				.doOnNext((jwt) -> assertThat(token.expiresIn()).isEqualTo(Duration.ofMinutes(30)))
				.doOnNext((jwt) -> assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
					.isEqualTo(Duration.ofMinutes(30))))
			.map(OwnTokens::caller)
			.as(StepVerifier::create)
			.expectNext(new Caller(helper, Optional.empty(), Set.of(Role.HELPER)))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void memberToken_carriesOrganisationAndRole_forTheConfiguredLifetime() {
		Caller member = new Caller(UUID.randomUUID(), Optional.of(UUID.randomUUID()), Set.of(Role.COORDINATOR));
		this.issuer.issueForMember(member)
			.doOnNext((token) -> assertThat(token.expiresIn()).isEqualTo(Duration.ofMinutes(15)))
			.flatMap((token) -> this.decoder.decode(token.accessToken()))
			.doOnNext((jwt) -> assertThat(jwt.getAudience()).containsExactly("zeitspende-api"))
			.doOnNext((jwt) -> assertThat(jwt.getIssuer()).hasToString("https://zeitspende.example.org"))
			.doOnNext((jwt) -> assertThat(jwt.getHeaders()).containsEntry("kid", KEY.keyId()))
			.map(OwnTokens::caller)
			.as(StepVerifier::create)
			.expectNext(member)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void aHelperIsNoMember_andLifetimesArePositive() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.issuer.issueForMember(new Caller(UUID.randomUUID(), Optional.empty(), Set.of(Role.HELPER))));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.issuer.issueForHelper(UUID.randomUUID(), Duration.ZERO));
	}

	@Test
	void signing_neverRunsOnTheCallersThread() {
		UUID helper = UUID.randomUUID();
		Mono.defer(() -> this.issuer.issueForHelper(helper, Duration.ofMinutes(1)))
			.subscribeOn(Schedulers.parallel())
			.as(StepVerifier::create)
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(10));
	}

}
