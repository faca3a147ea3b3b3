package org.zeitspende.helper;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.springframework.stereotype.Component;
import org.zeitspende.config.InvalidRequestException;

/**
 * Normalises contact data, so that one person has one email address and one number
 * however they typed them.
 */
@Component
class Contacts {

	private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

	private final HelperProperties properties;

	Contacts(HelperProperties properties) {
		this.properties = properties;
	}

	// The library reads each country's rules from its jar on first use; read them all
	// now, at start-up, rather than on a request thread.
	static {
		PHONE_NUMBERS.getSupportedRegions().forEach(PHONE_NUMBERS::getExampleNumber);
		PHONE_NUMBERS.getSupportedGlobalNetworkCallingCodes().forEach(PHONE_NUMBERS::getExampleNumberForNonGeoEntity);
	}

	/**
	 * The address in lower case without surrounding blanks. The format itself is checked
	 * by bean validation.
	 * @param email as typed
	 * @return the normalised address, or {@code null} for none
	 */
	String email(String email) {
		return (email == null || email.isBlank()) ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The number in E.164, if it is a valid mobile number of an allowed country.
	 * @param field the request field, for the error
	 * @param mobile as typed, e.g. "0151 2345 6789" or "+49 151 23456789"
	 * @return the number in E.164, or {@code null} for none
	 * @throws InvalidRequestException naming the field when the number is not usable
	 */
	String mobile(String field, String mobile) {
		if (mobile == null || mobile.isBlank()) {
			return null;
		}
		PhoneNumber number = parse(field, mobile);
		if (!this.properties.allowedCountryCodes().contains(number.getCountryCode())) {
			throw new InvalidRequestException(field,
					"numbers with country code +" + number.getCountryCode() + " are not accepted");
		}
		if (!PHONE_NUMBERS.isValidNumber(number) || !isMobile(PHONE_NUMBERS.getNumberType(number))) {
			throw new InvalidRequestException(field, "is not a valid mobile number");
		}
		return PHONE_NUMBERS.format(number, PhoneNumberFormat.E164);
	}

	/**
	 * The part of a number that a run of strangers' numbers typically shares.
	 * @param e164 a number in E.164
	 * @return its first eight characters, e.g. "+4915123"
	 */
	static String prefix(String e164) {
		return e164.substring(0, Math.min(8, e164.length()));
	}

	private PhoneNumber parse(String field, String mobile) {
		try {
			return PHONE_NUMBERS.parse(mobile, this.properties.defaultRegion());
		}
		catch (NumberParseException ex) {
			throw new InvalidRequestException(field, "is not a phone number");
		}
	}

	private static boolean isMobile(PhoneNumberType type) {
		return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
	}

}
