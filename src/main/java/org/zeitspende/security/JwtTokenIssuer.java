package org.zeitspende.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.util.Assert;

/**
 * Signs our own tokens with the configured key (RS256). Signing draws on a secure random
 * source, so it runs on the bounded elastic scheduler, never on an event loop.
 */
class JwtTokenIssuer implements TokenIssuer {

	private final JwtEncoder encoder;

	private final JwsHeader header;

	private final AuthProperties properties;

	private final Clock clock;

	JwtTokenIssuer(SigningKey key, AuthProperties properties, Clock clock) {
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.jwk())));
		this.header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.keyId()).type("JWT").build();
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public Mono<IssuedToken> issueForHelper(UUID helperId, Duration lifetime) {
		Assert.notNull(helperId, "helperId must not be null");
		Assert.isTrue(lifetime != null && !lifetime.isNegative() && !lifetime.isZero(), "lifetime must be positive");
		return issue(new Caller(helperId, Optional.empty(), Set.of(Role.HELPER)), lifetime);
	}

	@Override
	public Mono<IssuedToken> issueForMember(Caller member) {
		Assert.isTrue(!member.has(Role.HELPER), "members are not helpers");
		Assert.isTrue(!member.roles().isEmpty(), "a member has a role");
		return issue(member, this.properties.tokenLifetime());
	}

	private Mono<IssuedToken> issue(Caller caller, Duration lifetime) {
		return Mono.fromCallable(() -> sign(caller, lifetime)).subscribeOn(Schedulers.boundedElastic());
	}

	private IssuedToken sign(Caller caller, Duration lifetime) {
		JwtClaimsSet claims = OwnTokens.claims(caller, this.properties.issuer(), this.properties.audience(),
				Instant.now(this.clock), lifetime);
		String token = this.encoder.encode(JwtEncoderParameters.from(this.header, claims)).getTokenValue();
		return new IssuedToken(token, lifetime);
	}

}
