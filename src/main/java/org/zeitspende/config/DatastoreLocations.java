package org.zeitspende.config;

import java.util.regex.Pattern;

/**
 * Datastore URLs as they may be shown in logs: without user and password.
 */
final class DatastoreLocations {

	private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@]*@");

	private DatastoreLocations() {
	}

	static String withoutCredentials(String url) {
		return USER_INFO.matcher(url).replaceFirst("");
	}

}
