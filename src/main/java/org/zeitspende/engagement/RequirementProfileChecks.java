package org.zeitspende.engagement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.config.InvalidField;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Language;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;
import org.zeitspende.reference.Skills;

/**
 * The checks of a requirement profile that bean validation cannot make: codes against the
 * reference data and skills normalised. Collects every problem at once.
 */
@Component
class RequirementProfileChecks {

	private final ReferenceData referenceData;

	RequirementProfileChecks(ReferenceData referenceData) {
		this.referenceData = referenceData;
	}

	Mono<ValidRequirementProfile> check(NewRequirementProfile profile) {
		return Mono
			.zip(codes(this.referenceData.places(), Place::code),
					codes(this.referenceData.activities(), Activity::code),
					codes(this.referenceData.languages(), Language::code))
			.map((known) -> {
				List<InvalidField> errors = new ArrayList<>();
				if (!known.getT2().contains(profile.activity())) {
					errors.add(new InvalidField("activity", "unknown code '" + profile.activity() + "'"));
				}
				List<String> places = known(orEmpty(profile.places()), known.getT1(), "places", errors);
				List<String> requiredLanguages = known(orEmpty(profile.requiredLanguages()), known.getT3(),
						"requiredLanguages", errors);
				List<String> languages = known(orEmpty(profile.languages()), known.getT3(), "languages", errors);
				List<String> required = Skills.normalise(orEmpty(profile.requiredSkills()), "requiredSkills", errors);
				List<String> niceToHave = Skills.normalise(orEmpty(profile.niceToHaveSkills()), "niceToHaveSkills",
						errors);
				if (!errors.isEmpty()) {
					throw new InvalidRequestException(errors);
				}
				return new ValidRequirementProfile(profile.title().strip(), orBlank(profile.description()),
						profile.activity(), places, required, niceToHave, requiredLanguages, languages,
						profile.hoursPerWeek(), profile.commitment(), profile.durationMonths(),
						Boolean.TRUE.equals(profile.criminalRecordCertificate()), profile.minimumAge(),
						orBlank(profile.preconditions()), profile.startsOn(), profile.volunteersSought());
			});
	}

	private static List<String> known(List<String> codes, Set<String> known, String field, List<InvalidField> errors) {
		for (int i = 0; i < codes.size(); i++) {
			if (!known.contains(codes.get(i))) {
				errors.add(new InvalidField(field + "[" + i + "]", "unknown code '" + codes.get(i) + "'"));
			}
		}
		return List.copyOf(new LinkedHashSet<>(codes));
	}

	private static <T> Mono<Set<String>> codes(Mono<List<T>> list, Function<T, String> code) {
		return list.map((items) -> items.stream().map(code).collect(Collectors.toUnmodifiableSet()));
	}

	private static List<String> orEmpty(List<String> list) {
		return (list != null) ? list : List.of();
	}

	private static String orBlank(String text) {
		return (text != null) ? text.strip() : "";
	}

}
