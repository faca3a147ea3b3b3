package org.zeitspende.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Run-time parameters of every PostgreSQL session the service opens, added to those given
 * in {@code spring.r2dbc.url} ({@code ?options=name=value;name=value}) or
 * {@code spring.r2dbc.properties.options}, which win.
 * <p>
 * JIT compilation is off. PostgreSQL compiles a statement whose estimated cost passes
 * {@code jit_above_cost}; the statements that pass it here are the large ones of a wave's
 * planning (tens of thousands of candidates), each run once, so the compilation is never
 * paid back: it took 0.7 of the 1.8 s the candidate query of a 30,000-helper wave took.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseSessions {

	// The driver's option of run-time parameters; the driver is a run-time dependency.
	private static final Option<Object> PARAMETERS = Option.valueOf("options");

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer sessionParameters(R2dbcProperties properties) {
		Map<String, String> parameters = parameters(properties);
		return (options) -> options.option(PARAMETERS, parameters);
	}

	static Map<String, String> parameters(R2dbcProperties properties) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("jit", "off");
		if (properties.getUrl() != null) {
			parameters.putAll(given(ConnectionFactoryOptions.parse(properties.getUrl()).getValue(PARAMETERS)));
		}
		parameters.putAll(given(properties.getProperties().get("options")));
		return Map.copyOf(parameters);
	}

	// As the URL and the properties give them: text in the driver's form
	// name=value;name=value.
	private static Map<String, String> given(Object options) {
		Map<String, String> given = new LinkedHashMap<>();
		if (options != null) {
			for (String parameter : options.toString().split(";")) {
				String[] nameAndValue = parameter.split("=", 2);
				if (nameAndValue.length == 2) {
					given.put(nameAndValue[0].strip(), nameAndValue[1].strip());
				}
			}
		}
		return given;
	}

}
