package org.zeitspende.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of places and activities in a page's or helper's language, for codes as
 * stored ({@link ReferenceData#names}).
 *
 * @param english whether the language is English; any other reads German
 * @param activities the activities
 * @param places the places
 */
public record Names(boolean english, List<Activity> activities, List<Place> places) {

	/**
	 * An activity's name.
	 * @param code its code
	 * @return its name; the code when unknown
	 */
	public String activity(String code) {
		return this.activities.stream()
			.filter((activity) -> activity.code().equals(code))
			.map((activity) -> this.english ? activity.nameEn() : activity.nameDe())
			.findFirst()
			.orElse(code);
	}

	/**
	 * A place's name.
	 * @param code its code
	 * @return its name; the code when unknown
	 */
	public String place(String code) {
		return this.places.stream()
			.filter((place) -> place.code().equals(code))
			.map(Place::name)
			.findFirst()
			.orElse(code);
	}

	/**
	 * The names of several places, joined.
	 * @param codes their codes
	 * @return the names, separated by commas
	 */
	public String places(List<String> codes) {
		return String.join(", ", codes.stream().map(this::place).toList());
	}

	/**
	 * Every place, for a select or checkboxes.
	 * @return name by code, in the order of the reference data
	 */
	public Map<String, String> placeOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		this.places.forEach((place) -> options.put(place.code(), place.name()));
		return options;
	}

	/**
	 * Every activity, for a select or checkboxes.
	 * @return name by code, in the order of the reference data
	 */
	public Map<String, String> activityOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		this.activities.forEach((activity) -> options.put(activity.code(), activity(activity.code())));
		return options;
	}

}
