package org.zeitspende.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Redis Lua scripts of the service, each read once at start-up and called by its SHA-1.
 * The SHA-1 is computed here once: Spring's own scripts take a lock on every call to look
 * it up, which parks event-loop threads when many requests run a script at once.
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	/**
	 * Reads a script from the class path.
	 * @param <T> the type of the script's result
	 * @param path where the script is, e.g. {@code redis/reserve_slot.lua}
	 * @param resultType the type of the script's result
	 * @return the script
	 */
	public static <T> RedisScript<T> load(String path, Class<T> resultType) {
		ClassPathResource resource = new ClassPathResource(path);
		try {
			String text = resource.getContentAsString(StandardCharsets.UTF_8);
			return new Loaded<>(text, sha1(text), resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + resource, ex);
		}
	}

	private static String sha1(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Loaded<T>(String text, String sha1, Class<T> resultType) implements RedisScript<T> {

		@Override
		public String getSha1() {
			return this.sha1;
		}

		@Override
		public Class<T> getResultType() {
			return this.resultType;
		}

		@Override
		public String getScriptAsString() {
			return this.text;
		}

	}

}
