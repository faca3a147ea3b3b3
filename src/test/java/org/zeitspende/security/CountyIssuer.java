package org.zeitspende.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.zeitspende.testing.Tokens;

/**
 * A stand-in for a county's OpenID Connect issuer on a loopback port: it publishes a
 * discovery document and its signing key, and mints tokens with that key.
 */
final class CountyIssuer implements AutoCloseable {

	static final String AUDIENCE = "zeitspende";

	private final RSAKey key = Tokens.newKey("county-key");

	private final DisposableServer server;

	CountyIssuer() {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.get("/realms/county/.well-known/openid-configuration",
						(request, response) -> response.header("Content-Type", "application/json")
							.sendString(Mono.fromSupplier(this::discovery)))
				.get("/realms/county/protocol/openid-connect/certs",
						(request, response) -> response.header("Content-Type", "application/json")
							.sendString(Mono.fromSupplier(() -> new JWKSet(this.key.toPublicJWK()).toString()))))
			.bindNow();
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.port() + "/realms/county";
	}

	String jwkSetUri() {
		return issuer() + "/protocol/openid-connect/certs";
	}

	Tokens tokens() {
		return Tokens.of(this.key, issuer(), AUDIENCE);
	}

	private String discovery() {
		return """
				{"issuer": "%s", "jwks_uri": "%s", "subject_types_supported": ["public"],
				 "id_token_signing_alg_values_supported": ["RS256"]}""".formatted(issuer(), jwkSetUri());
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
