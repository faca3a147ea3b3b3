package org.zeitspende.message;

/**
 * Who talks in a thread.
 */
enum ThreadKind {

	/** Members of two or more organisations. */
	ORGANISATIONS,

	/** Members of one organisation and one helper. */
	HELPER

}
