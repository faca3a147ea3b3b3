package org.zeitspende.organisation;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Where a message to a member goes, for features that tell organisers what became of
 * their callouts.
 */
@Service
public class MemberContacts {

	private final MemberRepository members;

	MemberContacts(MemberRepository members) {
		this.members = members;
	}

	/**
	 * The member's email address.
	 * @param organisationId the member's organisation
	 * @param memberId the member
	 * @return the address; empty when the member is not (or no longer) in that
	 * organisation, such as a member signed in through an external issuer
	 */
	public Mono<String> email(UUID organisationId, UUID memberId) {
		return this.members.find(organisationId, memberId).map(Member::email);
	}

}
