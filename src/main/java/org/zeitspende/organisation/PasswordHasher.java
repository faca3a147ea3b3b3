package org.zeitspende.organisation;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Hashes and checks passwords with bcrypt. Hashing is slow on purpose and keeps a CPU
 * busy, so it runs on a scheduler of its own with one thread per CPU and a bounded queue;
 * when the queue is full the caller is told to try again instead of waiting without end.
 */
@Component
class PasswordHasher implements DisposableBean {

	private static final int QUEUED_PER_THREAD = 64;

	private final BCryptPasswordEncoder encoder;

	private final Scheduler scheduler;

	// Checked against when no account has the given email, so that the answer takes as
	// long as for an existing account.
	private final String dummyHash;

	PasswordHasher(SignInProperties properties) {
		this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength(), new SecureRandom());
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
		this.scheduler = Schedulers.newBoundedElastic(threads, threads * QUEUED_PER_THREAD, "password-hashing");
		this.dummyHash = this.encoder.encode(UUID.randomUUID().toString());
	}

	Mono<String> hash(String password) {
		return onHashingThreads(Mono.fromCallable(() -> this.encoder.encode(password)));
	}

	Mono<Boolean> matches(String password, String hash) {
		return onHashingThreads(Mono.fromCallable(() -> this.encoder.matches(password, hash)));
	}

	/**
	 * Spends the time of a check without any account to check against.
	 * @param password the password that was sent
	 * @return completes after a check against a hash no password matches
	 */
	Mono<Void> matchesNothing(String password) {
		return matches(password, this.dummyHash).then();
	}

	private <T> Mono<T> onHashingThreads(Mono<T> work) {
		return work.subscribeOn(this.scheduler)
			.onErrorMap(RejectedExecutionException.class, (ex) -> AccountProblem.busy());
	}

	@Override
	public void destroy() {
		this.scheduler.dispose();
	}

}
