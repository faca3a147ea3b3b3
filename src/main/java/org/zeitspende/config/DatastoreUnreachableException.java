package org.zeitspende.config;

/**
 * A datastore the service needs could not be reached at start-up.
 */
class DatastoreUnreachableException extends RuntimeException {

	private final String datastore;

	private final String location;

	DatastoreUnreachableException(String datastore, String location, Throwable cause) {
		super(datastore + " at " + location + " could not be reached: " + cause.getMessage(), cause);
		this.datastore = datastore;
		this.location = location;
	}

	String datastore() {
		return this.datastore;
	}

	String location() {
		return this.location;
	}

}
