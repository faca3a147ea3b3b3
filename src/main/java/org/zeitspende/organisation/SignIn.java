package org.zeitspende.organisation;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import org.zeitspende.organisation.MemberRepository.Credentials;
import org.zeitspende.security.Caller;
import org.zeitspende.security.IssuedToken;
import org.zeitspende.security.Role;
import org.zeitspende.security.TokenIssuer;

/**
 * Signing in with email and password, and changing one's password. A wrong password, an
 * unknown email and a locked account get the same answer after the same work: a bcrypt
 * check, against a dummy hash when there is no account. After
 * {@code zeitspende.auth.sign-in.max-failures} wrong passwords in a row the account is
 * locked for {@code zeitspende.auth.sign-in.lockout}; while it is locked even the right
 * password is refused.
 */
@Service
class SignIn {

	private final MemberRepository members;

	private final PasswordHasher hasher;

	private final TokenIssuer tokens;

	private final SignInProperties properties;

	SignIn(MemberRepository members, PasswordHasher hasher, TokenIssuer tokens, SignInProperties properties) {
		this.members = members;
		this.hasher = hasher;
		this.tokens = tokens;
		this.properties = properties;
	}

	/**
	 * The signed token of a member whose password matches, and their role.
	 */
	Mono<SignedIn> signIn(String email, String password) {
		return this.members.credentialsByEmail(EmailAddresses.normalise(email))
			.flatMap((credentials) -> verify(credentials, password))
			.switchIfEmpty(Mono
				.defer(() -> this.hasher.matchesNothing(password).then(Mono.error(AccountProblem::invalidCredentials))))
			.flatMap(this::issue);
	}

	Mono<Void> changePassword(UUID memberId, String currentPassword, String newPassword) {
		return this.members.credentialsById(memberId)
			.switchIfEmpty(Mono.error(AccountProblem::noPasswordHere))
			.flatMap((credentials) -> verify(credentials, currentPassword))
			.onErrorMap(SignIn::isInvalidCredentials,
					(ex) -> AccountProblem.invalidField("currentPassword", "is not your current password"))
			.flatMap((credentials) -> this.hasher.hash(newPassword))
			.flatMap((hash) -> this.members.changePasswordHash(memberId, hash));
	}

	// Checks the password even when the account is locked, so that the answer takes as
	// long.
	private Mono<Credentials> verify(Credentials credentials, String password) {
		return this.hasher.matches(password, credentials.passwordHash()).flatMap((matches) -> {
			if (credentials.locked()) {
				return Mono.error(AccountProblem.invalidCredentials());
			}
			if (!matches) {
				return this.members
					.recordFailure(credentials.id(), this.properties.maxFailures(), this.properties.lockout())
					.then(Mono.error(AccountProblem.invalidCredentials()));
			}
			return Mono.just(credentials);
		});
	}

	private Mono<SignedIn> issue(Credentials credentials) {
		if (credentials.organisationStatus() == OrganisationStatus.SUSPENDED) {
			return Mono.error(AccountProblem.organisationSuspended());
		}
		Role role = Role.valueOf(credentials.role());
		Caller member = new Caller(credentials.id(), Optional.ofNullable(credentials.organisationId()), Set.of(role));
		return this.members.recordSuccess(credentials.id())
			.then(this.tokens.issueForMember(member))
			.map((token) -> new SignedIn(token, role));
	}

	private static boolean isInvalidCredentials(Throwable ex) {
		return ex instanceof AccountProblem problem && problem.getStatusCode().value() == 401;
	}

	/**
	 * A member signed in.
	 *
	 * @param token their signed token
	 * @param role what they may do
	 */
	record SignedIn(IssuedToken token, Role role) {
	}

}
