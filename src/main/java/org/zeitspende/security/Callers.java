package org.zeitspende.security;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * The caller of the current request. Controllers may also declare
 * {@code @AuthenticationPrincipal Caller caller} as a parameter.
 */
public final class Callers {

	private Callers() {
	}

	/**
	 * The caller of the request being handled.
	 * @return the caller, or empty when the request is anonymous
	 */
	public static Mono<Caller> current() {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.ofType(CallerAuthentication.class)
			.map(CallerAuthentication::caller);
	}

}
