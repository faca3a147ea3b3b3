package org.zeitspende.confirmation;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A transaction of its own for an answer, also inside a caller's (an SMS reply's): a
 * refused slot rolls back only the answer, and a yes, a no or a withdrawal is committed
 * before the caller answers it or its event is published.
 */
@Component
class OwnTransaction {

	private final TransactionalOperator transaction;

	OwnTransaction(ReactiveTransactionManager transactions) {
		this.transaction = TransactionalOperator.create(transactions,
				new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
	}

	<T> Mono<T> of(Mono<T> work) {
		return this.transaction.transactional(work);
	}

}
