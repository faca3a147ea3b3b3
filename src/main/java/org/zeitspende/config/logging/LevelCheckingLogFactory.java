package org.zeitspende.config.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.LoggerFactory;

/**
 * Commons Logging, which Spring and Spring Security log through, straight to SLF4J with
 * the level checked before a message becomes a string. The SLF4J bridge of Commons
 * Logging 1.3 and 1.4 turns every message into a string first, also the lazy
 * {@code LogMessage}s that Spring Security logs at debug level several times in every
 * request: with debug logging off, each request formatted and threw away a dozen strings.
 * Registered in {@code META-INF/services/org.apache.commons.logging.LogFactory}, which
 * Commons Logging asks before its own bridges.
 */
public final class LevelCheckingLogFactory extends LogFactory {

	private final ConcurrentMap<String, Log> logs = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> attributes = new ConcurrentHashMap<>();

	@Override
	public Log getInstance(Class<?> type) {
		return getInstance(type.getName());
	}

	@Override
	public Log getInstance(String name) {
		return this.logs.computeIfAbsent(name, (key) -> new LevelCheckingLog(LoggerFactory.getLogger(key)));
	}

	@Override
	public Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.attributes.keySet().toArray(String[]::new);
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	@Override
	public void release() {
		this.logs.clear();
	}

}
