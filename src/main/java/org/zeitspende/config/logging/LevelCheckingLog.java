package org.zeitspende.config.logging;

import org.apache.commons.logging.Log;
import org.slf4j.Logger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * A Commons Logging log that asks SLF4J for the level before it turns a message into a
 * string, and names its caller as the location.
 */
final class LevelCheckingLog implements Log {

	private static final String FQCN = LevelCheckingLog.class.getName();

	private final Logger logger;

	private final LocationAwareLogger located;

	LevelCheckingLog(Logger logger) {
		this.logger = logger;
		this.located = (logger instanceof LocationAwareLogger locationAware) ? locationAware : null;
	}

	@Override
	public boolean isTraceEnabled() {
		return this.logger.isTraceEnabled();
	}

	@Override
	public boolean isDebugEnabled() {
		return this.logger.isDebugEnabled();
	}

	@Override
	public boolean isInfoEnabled() {
		return this.logger.isInfoEnabled();
	}

	@Override
	public boolean isWarnEnabled() {
		return this.logger.isWarnEnabled();
	}

	@Override
	public boolean isErrorEnabled() {
		return this.logger.isErrorEnabled();
	}

	@Override
	public boolean isFatalEnabled() {
		return this.logger.isErrorEnabled();
	}

	@Override
	public void trace(Object message) {
		trace(message, null);
	}

	@Override
	public void trace(Object message, Throwable ex) {
		if (isTraceEnabled()) {
			log(LocationAwareLogger.TRACE_INT, message, ex);
		}
	}

	@Override
	public void debug(Object message) {
		debug(message, null);
	}

	@Override
	public void debug(Object message, Throwable ex) {
		if (isDebugEnabled()) {
			log(LocationAwareLogger.DEBUG_INT, message, ex);
		}
	}

	@Override
	public void info(Object message) {
		info(message, null);
	}

	@Override
	public void info(Object message, Throwable ex) {
		if (isInfoEnabled()) {
			log(LocationAwareLogger.INFO_INT, message, ex);
		}
	}

	@Override
	public void warn(Object message) {
		warn(message, null);
	}

	@Override
	public void warn(Object message, Throwable ex) {
		if (isWarnEnabled()) {
			log(LocationAwareLogger.WARN_INT, message, ex);
		}
	}

	@Override
	public void error(Object message) {
		error(message, null);
	}

	@Override
	public void error(Object message, Throwable ex) {
		if (isErrorEnabled()) {
			log(LocationAwareLogger.ERROR_INT, message, ex);
		}
	}

	@Override
	public void fatal(Object message) {
		error(message, null);
	}

	@Override
	public void fatal(Object message, Throwable ex) {
		error(message, ex);
	}

	private void log(int level, Object message, Throwable ex) {
		String text = String.valueOf(message);
		if (this.located != null) {
			this.located.log(null, FQCN, level, text, null, ex);
			return;
		}
		switch (level) {
			case LocationAwareLogger.TRACE_INT -> this.logger.trace(text, ex);
			case LocationAwareLogger.DEBUG_INT -> this.logger.debug(text, ex);
			case LocationAwareLogger.INFO_INT -> this.logger.info(text, ex);
			case LocationAwareLogger.WARN_INT -> this.logger.warn(text, ex);
			default -> this.logger.error(text, ex);
		}
	}

}
