package org.zeitspende.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.util.StringUtils;

/**
 * The issuers whose tokens we accept, each with its own decoder: our own (signature with
 * our key) and, if configured, the external OpenID Connect issuer (signature with its
 * published keys). A token names its issuer; an issuer not listed here is rejected before
 * anything else is looked at. Each decoder checks signature, {@code iss}, {@code aud},
 * {@code exp} (required) and {@code nbf} with a small clock skew; unsigned tokens
 * ({@code alg=none}) never pass.
 */
final class TrustedIssuers {

	/**
	 * Asymmetric algorithms only: a shared secret would let anyone holding it mint
	 * tokens.
	 */
	private static final List<SignatureAlgorithm> EXTERNAL_ALGORITHMS = List.of(SignatureAlgorithm.RS256,
			SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384,
			SignatureAlgorithm.ES512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);

	private TrustedIssuers() {
	}

	static JwtIssuerReactiveAuthenticationManagerResolver resolver(AuthProperties properties, SigningKey key) {
		Map<String, ReactiveAuthenticationManager> managers = new LinkedHashMap<>();
		managers.put(properties.issuer(), manager(ownDecoder(properties, key), OwnTokens::caller));
		AuthProperties.Oidc oidc = properties.oidc();
		if (oidc.enabled()) {
			ExternalTokens external = new ExternalTokens(oidc);
			managers.put(oidc.issuerUri(), manager(externalDecoder(oidc, properties), external::caller));
		}
		return new JwtIssuerReactiveAuthenticationManagerResolver(
				(String issuer) -> Mono.justOrEmpty(managers.get(issuer)));
	}

	static ReactiveJwtDecoder ownDecoder(AuthProperties properties, SigningKey key) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(key.publicKey())
			.signatureAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(
				validator(new JwtTypeValidator("JWT"), properties, properties.issuer(), properties.audience()));
		return decoder;
	}

	static ReactiveJwtDecoder externalDecoder(AuthProperties.Oidc oidc, AuthProperties properties) {
		boolean discover = !StringUtils.hasText(oidc.jwkSetUri());
		if (discover) {
			initialiseDiscovery();
		}
		NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = discover
				? NimbusReactiveJwtDecoder.withIssuerLocation(oidc.issuerUri())
				: NimbusReactiveJwtDecoder.withJwkSetUri(oidc.jwkSetUri());
		NimbusReactiveJwtDecoder decoder = builder.jwsAlgorithms((algorithms) -> algorithms.addAll(EXTERNAL_ALGORITHMS))
			.build();
		JwtTypeValidator type = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
		type.setAllowEmpty(true);
		decoder.setJwtValidator(validator(type, properties, oidc.issuerUri(), oidc.audience()));
		return decoder;
	}

	// Discovery happens reactively on the first token, but the helper it uses builds a
	// RestTemplate when its class is initialised, which reads jar files: do that now, at
	// start-up, rather than on an event-loop thread later.
	private static void initialiseDiscovery() {
		try {
			Class.forName("org.springframework.security.oauth2.jwt.JwtDecoderProviderConfigurationUtils", true,
					TrustedIssuers.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			// Nothing to prepare in this version of Spring Security.
		}
	}

	private static OAuth2TokenValidator<Jwt> validator(JwtTypeValidator type, AuthProperties properties, String issuer,
			String audience) {
		JwtTimestampValidator timestamps = new JwtTimestampValidator(properties.clockSkew());
		timestamps.setAllowEmptyExpiryClaim(false);
		return new DelegatingOAuth2TokenValidator<>(type, timestamps, new JwtIssuerValidator(issuer),
				new JwtAudienceValidator(audience));
	}

	private static ReactiveAuthenticationManager manager(ReactiveJwtDecoder decoder, Function<Jwt, Caller> callers) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(decoder);
		manager.setJwtAuthenticationConverter((Jwt jwt) -> Mono
			.fromCallable(() -> (AbstractAuthenticationToken) new CallerAuthentication(callers.apply(jwt), jwt)));
		return manager;
	}

}
