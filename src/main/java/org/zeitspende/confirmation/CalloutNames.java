package org.zeitspende.confirmation;

import java.util.List;

import reactor.core.publisher.Mono;

import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;

/**
 * The display names of activities and places in a helper's language, as the asks show
 * them; a code without a name shows as itself.
 *
 * @param language the language code
 * @param activities the activities
 * @param places the places
 */
record CalloutNames(String language, List<Activity> activities, List<Place> places) {

	static Mono<CalloutNames> in(String language, ReferenceData reference) {
		return Mono.zip(reference.activities(), reference.places())
			.map((loaded) -> new CalloutNames(language, loaded.getT1(), loaded.getT2()));
	}

	String activity(String code) {
		return this.activities.stream()
			.filter((activity) -> activity.code().equals(code))
			.map((activity) -> "en".equals(this.language) ? activity.nameEn() : activity.nameDe())
			.findFirst()
			.orElse(code);
	}

	String place(String code) {
		return this.places.stream()
			.filter((place) -> place.code().equals(code))
			.map(Place::name)
			.findFirst()
			.orElse(code);
	}

}
