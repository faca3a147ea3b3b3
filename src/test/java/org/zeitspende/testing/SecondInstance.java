package org.zeitspende.testing;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.zeitspende.ZeitspendeApplication;

/**
 * Another instance of the service in the same JVM, on a random port, as a second replica
 * would run: without other settings it shares the embedded PostgreSQL and Redis with the
 * integration tests' instance.
 */
public final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts it.
	 * @param properties settings that differ from the tests' instance, as
	 * {@code name=value}
	 * @return the running instance
	 */
	public static SecondInstance start(String... properties) {
		// As command-line arguments, which outrank the application's own settings (the
		// builder's properties are defaults, which its settings outrank).
		String[] arguments = Stream.concat(Stream.of("server.port=0"), Arrays.stream(properties))
			.map((property) -> "--" + property)
			.toArray(String[]::new);
		return new SecondInstance(
				new SpringApplicationBuilder(ZeitspendeApplication.class).profiles("test").run(arguments));
	}

	/**
	 * Its HTTP port.
	 * @return the port
	 */
	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/**
	 * One of its beans.
	 * @param name the bean's name
	 * @return the bean
	 */
	public Object bean(String name) {
		return this.context.getBean(name);
	}

	/**
	 * One of its beans.
	 * @param <T> its type
	 * @param type its type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
