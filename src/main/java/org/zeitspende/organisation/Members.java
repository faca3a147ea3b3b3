package org.zeitspende.organisation;

import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * An organisation's members, as its admins manage them. Every method takes the
 * organisation from the caller's token; a member of another organisation is not found.
 */
@Service
class Members {

	private final MemberRepository members;

	private final PasswordHasher hasher;

	private final TransactionalOperator transaction;

	Members(MemberRepository members, PasswordHasher hasher, TransactionalOperator transaction) {
		this.members = members;
		this.hasher = hasher;
		this.transaction = transaction;
	}

	Flux<Member> all(UUID organisationId) {
		return this.members.findAll(organisationId);
	}

	Mono<Member> add(UUID organisationId, NewMember member) {
		return this.hasher.hash(member.password())
			.flatMap((hash) -> this.members.insert(organisationId, EmailAddresses.normalise(member.email()),
					member.role(), hash))
			.onErrorMap(DataIntegrityViolationException.class, (ex) -> AccountProblem.emailTaken())
			.flatMap((id) -> this.members.find(organisationId, id));
	}

	Mono<Member> change(UUID organisationId, UUID memberId, MemberChange change) {
		Mono<String> newHash = (change.password() != null) ? this.hasher.hash(change.password()) : Mono.just("");
		return newHash
			.flatMap((hash) -> existing(organisationId, memberId)
				.flatMap((member) -> keepsAnAdmin(organisationId, member, change.role() != MemberRole.COORDINATOR))
				.then(apply(organisationId, memberId, change, hash))
				.as(this.transaction::transactional))
			.then(existing(organisationId, memberId));
	}

	Mono<Void> remove(UUID organisationId, UUID memberId) {
		return existing(organisationId, memberId).flatMap((member) -> keepsAnAdmin(organisationId, member, false))
			.then(this.members.delete(organisationId, memberId))
			.as(this.transaction::transactional);
	}

	private Mono<Member> existing(UUID organisationId, UUID memberId) {
		return this.members.find(organisationId, memberId).switchIfEmpty(Mono.error(AccountProblem::memberNotFound));
	}

	// An admin who stops being one, or is removed, must leave another admin behind.
	private Mono<Void> keepsAnAdmin(UUID organisationId, Member member, boolean staysAdmin) {
		if (member.role() != MemberRole.ADMIN || staysAdmin) {
			return Mono.empty();
		}
		return this.members.lockAndCountOtherAdmins(organisationId, member.id())
			.flatMap((others) -> (others > 0) ? Mono.<Void>empty() : Mono.error(AccountProblem.lastAdmin()));
	}

	private Mono<Void> apply(UUID organisationId, UUID memberId, MemberChange change, String newHash) {
		Mono<Void> role = (change.role() != null) ? this.members.changeRole(organisationId, memberId, change.role())
				: Mono.empty();
		Mono<Void> password = newHash.isEmpty() ? Mono.empty() : this.members.changePasswordHash(memberId, newHash);
		Mono<Void> unlock = Boolean.TRUE.equals(change.unlock()) ? this.members.unlock(organisationId, memberId)
				: Mono.empty();
		return role.then(password).then(unlock);
	}

}
