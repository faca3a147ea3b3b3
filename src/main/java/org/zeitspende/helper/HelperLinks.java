package org.zeitspende.helper;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;

import org.apache.commons.logging.LogFactory;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.zeitspende.dispatch.Channel;

/**
 * The links in messages to helpers. Unsubscribe links carry the helper and channel signed
 * with a secret, so that they work in one step without storing anything.
 */
@Component
class HelperLinks {

	private static final int SIGNATURE_BYTES = 16;

	private static final String DEVELOPMENT_SECRET = "local-development-only-secret";

	private final String baseUrl;

	private final SecretKeySpec key;

	HelperLinks(@Value("${zeitspende.public-base-url}") String baseUrl, HelperProperties properties,
			@Value("${zeitspende.embedded.postgres:false}") boolean embedded) {
		if (DEVELOPMENT_SECRET.equals(properties.linkSecret()) && !embedded) {
			LogFactory.getLog(HelperLinks.class)
				.warn("ZEITSPENDE_HELPERS_LINK_SECRET is not set: anyone who reads the source can forge unsubscribe links");
		}
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.key = new SecretKeySpec(properties.linkSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	String verification(String token) {
		return this.baseUrl + "/h/verify/" + token;
	}

	String signIn(String token) {
		return this.baseUrl + "/h/sign-in/" + token;
	}

	String unsubscribe(UUID helperId, Channel channel) {
		return this.baseUrl + "/h/unsubscribe/" + unsubscribeToken(helperId, channel);
	}

	/**
	 * The target of an email's {@code List-Unsubscribe} header: mail clients POST to it
	 * (RFC 8058), without a page in between.
	 * @param helperId the helper
	 * @param channel the channel to stop
	 * @return the one-click URL
	 */
	String oneClickUnsubscribe(UUID helperId, Channel channel) {
		return this.baseUrl + "/api/unsubscribe/" + unsubscribeToken(helperId, channel);
	}

	String unsubscribeToken(UUID helperId, Channel channel) {
		byte[] payload = payload(helperId, channel);
		byte[] token = Arrays.copyOf(payload, payload.length + SIGNATURE_BYTES);
		System.arraycopy(sign(payload), 0, token, payload.length, SIGNATURE_BYTES);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
	}

	/**
	 * Reads an unsubscribe token.
	 * @param token from the link
	 * @return the helper and channel, or empty when the token is malformed or forged
	 */
	Optional<Unsubscribe> readUnsubscribe(String token) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != 17 + SIGNATURE_BYTES || bytes[16] < 0 || bytes[16] >= Channel.values().length) {
			return Optional.empty();
		}
		byte[] payload = Arrays.copyOf(bytes, 17);
		byte[] signature = Arrays.copyOfRange(bytes, 17, bytes.length);
		if (!MessageDigest.isEqual(signature, Arrays.copyOf(sign(payload), SIGNATURE_BYTES))) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(payload);
		UUID helperId = new UUID(buffer.getLong(), buffer.getLong());
		return Optional.of(new Unsubscribe(helperId, Channel.values()[buffer.get()]));
	}

	private static byte[] payload(UUID helperId, Channel channel) {
		return ByteBuffer.allocate(17)
			.putLong(helperId.getMostSignificantBits())
			.putLong(helperId.getLeastSignificantBits())
			.put((byte) channel.ordinal())
			.array();
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(payload);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}

	/**
	 * What an unsubscribe link stands for.
	 *
	 * @param helperId the helper
	 * @param channel the channel to stop
	 */
	record Unsubscribe(UUID helperId, Channel channel) {
	}

}
