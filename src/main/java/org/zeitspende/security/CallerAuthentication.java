package org.zeitspende.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A verified bearer token and the caller it stands for; the caller is the principal, its
 * roles are the authorities ({@code ROLE_ADMIN}, ...).
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final transient Caller caller;

	private final transient Jwt token;

	CallerAuthentication(Caller caller, Jwt token) {
		super(caller.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
		this.caller = caller;
		this.token = token;
		setAuthenticated(true);
	}

	Caller caller() {
		return this.caller;
	}

	@Override
	public Object getPrincipal() {
		return this.caller;
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public String getName() {
		return this.caller.subject().toString();
	}

}
