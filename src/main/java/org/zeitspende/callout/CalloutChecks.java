package org.zeitspende.callout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.config.InvalidField;
import org.zeitspende.reference.Skills;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Language;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;

/**
 * The checks of a new callout that bean validation cannot make: times against the clock
 * and codes against the reference data. Collects every problem at once.
 */
@Component
class CalloutChecks {

	// Helpers are asked for help soon; and within a year an ask's day and month, which is
	// all its texts give of a start or an end, name one day.
	static final Duration FURTHEST = Duration.ofDays(364);

	private final ReferenceData referenceData;

	CalloutChecks(ReferenceData referenceData) {
		this.referenceData = referenceData;
	}

	Mono<ValidCallout> check(NewCallout callout, Instant now) {
		return Mono
			.zip(codes(this.referenceData.places(), Place::code),
					codes(this.referenceData.activities(), Activity::code),
					codes(this.referenceData.languages(), Language::code))
			.map((known) -> {
				List<InvalidField> errors = new ArrayList<>();
				if (!known.getT2().contains(callout.activity())) {
					errors.add(new InvalidField("activity", "unknown code '" + callout.activity() + "'"));
				}
				if (!known.getT1().contains(callout.place())) {
					errors.add(new InvalidField("place", "unknown code '" + callout.place() + "'"));
				}
				if (!callout.startsAt().isAfter(now)) {
					errors.add(new InvalidField("startsAt", "must be in the future"));
				}
				else if (callout.startsAt().isAfter(now.plus(FURTHEST))) {
					errors.add(new InvalidField("startsAt", "must be within a year from now"));
				}
				if (!callout.endsAt().isAfter(callout.startsAt())) {
					errors.add(new InvalidField("endsAt", "must be after startsAt"));
				}
				else if (callout.endsAt().isAfter(now.plus(FURTHEST))) {
					errors.add(new InvalidField("endsAt", "must be within a year from now"));
				}
				List<String> languages = languages(orEmpty(callout.languages()), known.getT3(), errors);
				List<String> skills = Skills.normalise(orEmpty(callout.skills()), "skills", errors);
				if (!errors.isEmpty()) {
					throw new InvalidRequestException(errors);
				}
				return new ValidCallout(callout.activity(), callout.place(), callout.startsAt(), callout.endsAt(),
						callout.needed(), languages, skills, orBlank(callout.details()),
						orBlank(callout.meetingPoint()), orBlank(callout.contactHint()),
						!Boolean.FALSE.equals(callout.notifyWhenFilled()));
			});
	}

	private static List<String> languages(List<String> codes, Set<String> known, List<InvalidField> errors) {
		for (int i = 0; i < codes.size(); i++) {
			if (!known.contains(codes.get(i))) {
				errors.add(new InvalidField("languages[" + i + "]", "unknown code '" + codes.get(i) + "'"));
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
