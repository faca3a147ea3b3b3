package org.zeitspende.helper;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.zeitspende.config.InvalidField;
import org.zeitspende.reference.Skills;
import org.zeitspende.config.InvalidRequestException;
import org.zeitspende.dispatch.Channel;
import org.zeitspende.reference.Activity;
import org.zeitspende.reference.Language;
import org.zeitspende.reference.Place;
import org.zeitspende.reference.ReferenceData;

/**
 * Bean validation and the checks it cannot make: contact data, reference codes, consent.
 * Collects every problem, so that the client sees all invalid fields at once.
 */
@Component
class RegistrationChecks {

	static final String NO_CONTACT = "an email address or a mobile number is needed";

	private static final int DEFAULT_ASK_BUDGET = 2;

	private final Contacts contacts;

	private final ReferenceData referenceData;

	private final HelperProperties properties;

	private final Set<String> messageLanguages;

	private final Validator validator;

	RegistrationChecks(Contacts contacts, ReferenceData referenceData, HelperProperties properties,
			HelperMessages messages, Validator validator) {
		this.contacts = contacts;
		this.referenceData = referenceData;
		this.properties = properties;
		this.messageLanguages = messages.languages();
		this.validator = validator;
	}

	Mono<NewHelper> check(HelperRegistration registration) {
		List<InvalidField> invalid = validate(registration);
		if (!invalid.isEmpty()) {
			return Mono.error(new InvalidRequestException(invalid));
		}
		return knownCodes().map((known) -> {
			List<InvalidField> errors = new ArrayList<>();
			String email = this.contacts.email(registration.email());
			String mobile = mobile(registration.mobile(), errors);
			if (email == null && mobile == null && errors.isEmpty()) {
				errors.add(new InvalidField("email", NO_CONTACT));
			}
			ProfileChoices choices = choices(registration.preferences(), email != null, mobile != null, known, errors);
			consent(registration, errors);
			throwIfAny(errors);
			return new NewHelper(email, mobile, choices, Set.copyOf(registration.consents()),
					registration.consentTextVersion());
		});
	}

	// Bean validation's findings, and with them what else is wrong that needs neither the
	// database nor valid fields: the later checks run only on a registration that passed.
	private List<InvalidField> validate(HelperRegistration registration) {
		List<InvalidField> invalid = new ArrayList<>(this.validator.validate(registration)
			.stream()
			.map(InvalidField::of)
			.sorted(Comparator.comparing(InvalidField::field))
			.toList());
		if (!invalid.isEmpty()) {
			if (this.contacts.email(registration.email()) == null && isBlank(registration.mobile())) {
				invalid.add(new InvalidField("email", NO_CONTACT));
			}
			consent(registration, invalid);
		}
		return invalid;
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private void consent(HelperRegistration registration, List<InvalidField> errors) {
		Set<ConsentPurpose> consents = registration.consents();
		if (consents != null && !consents.isEmpty() && !consents.contains(ConsentPurpose.CALLOUTS)) {
			errors.add(new InvalidField("consents", "must include CALLOUTS: being asked is what registering is for"));
		}
		String version = registration.consentTextVersion();
		boolean versionInvalid = errors.stream().anyMatch((error) -> error.field().equals("consentTextVersion"));
		if (version != null && !versionInvalid && !this.properties.consentTextVersion().equals(version)) {
			errors.add(new InvalidField("consentTextVersion",
					"must be the current version " + this.properties.consentTextVersion()));
		}
	}

	Mono<ProfileChoices> check(HelperPreferences preferences, HelperContact helper) {
		return knownCodes().map((known) -> {
			List<InvalidField> errors = new ArrayList<>();
			ProfileChoices choices = choices(preferences, helper.email() != null, helper.mobile() != null, known,
					errors);
			throwIfAny(errors);
			return choices;
		});
	}

	private ProfileChoices choices(HelperPreferences preferences, boolean hasEmail, boolean hasMobile, KnownCodes known,
			List<InvalidField> errors) {
		List<String> places = known("places", preferences.places(), known.places(), errors);
		List<String> activities = known("activities", preferences.activities(), known.activities(), errors);
		List<String> languages = known("languages", orEmpty(preferences.languages()), known.languages(), errors);
		List<String> skills = Skills.normalise(orEmpty(preferences.skills()), "skills", errors);
		Channel preferred = preferredChannel(preferences.preferredChannel(), hasEmail, hasMobile, errors);
		String timeZone = timeZone(preferences.timeZone(), errors);
		if (preferences.messageLanguage() != null && !this.messageLanguages.contains(preferences.messageLanguage())) {
			errors.add(new InvalidField("messageLanguage", "must be one of " + this.messageLanguages));
		}
		HelperRegistration.QuietHours quiet = preferences.quietHours();
		return new ProfileChoices(places, activities, languages, skills, preferences.hoursPerWeek(),
				preferences.commitment(), preferred,
				(preferences.messageLanguage() != null) ? preferences.messageLanguage() : "de",
				orDefault(preferences.maxAsksPerWeek(), DEFAULT_ASK_BUDGET),
				(quiet != null) ? LocalTime.parse(quiet.from()) : null,
				(quiet != null) ? LocalTime.parse(quiet.until()) : null, timeZone);
	}

	private Mono<KnownCodes> knownCodes() {
		return Mono
			.zip(codes(this.referenceData.places(), Place::code),
					codes(this.referenceData.activities(), Activity::code),
					codes(this.referenceData.languages(), Language::code))
			.map((codes) -> new KnownCodes(codes.getT1(), codes.getT2(), codes.getT3()));
	}

	private static void throwIfAny(List<InvalidField> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	private String mobile(String raw, List<InvalidField> errors) {
		try {
			return this.contacts.mobile("mobile", raw);
		}
		catch (InvalidRequestException ex) {
			errors.addAll(ex.errors());
			return null;
		}
	}

	private static List<String> known(String field, List<String> codes, Set<String> known, List<InvalidField> errors) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(codes));
		for (int i = 0; i < codes.size(); i++) {
			if (!known.contains(codes.get(i))) {
				errors.add(new InvalidField(field + "[" + i + "]", "unknown code '" + codes.get(i) + "'"));
			}
		}
		return distinct;
	}

	private static Channel preferredChannel(Channel preferred, boolean hasEmail, boolean hasMobile,
			List<InvalidField> errors) {
		if (preferred == null) {
			return hasEmail ? Channel.EMAIL : Channel.SMS;
		}
		if ((preferred == Channel.EMAIL && !hasEmail) || (preferred == Channel.SMS && !hasMobile)) {
			errors.add(new InvalidField("preferredChannel", "needs the matching contact: email or mobile"));
		}
		return preferred;
	}

	private static String timeZone(String timeZone, List<InvalidField> errors) {
		if (timeZone == null) {
			return "Europe/Berlin";
		}
		try {
			return ZoneId.of(timeZone).getId();
		}
		catch (DateTimeException ex) {
			errors.add(new InvalidField("timeZone", "is not a known time zone"));
			return null;
		}
	}

	private static <T> Mono<Set<String>> codes(Mono<List<T>> list, Function<T, String> code) {
		return list.map((items) -> items.stream().map(code).collect(Collectors.toUnmodifiableSet()));
	}

	private record KnownCodes(Set<String> places, Set<String> activities, Set<String> languages) {
	}

	private static List<String> orEmpty(List<String> list) {
		return (list != null) ? list : List.of();
	}

	private static int orDefault(Integer value, int fallback) {
		return (value != null) ? value : fallback;
	}

}
