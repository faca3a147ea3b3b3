package org.zeitspende.config;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A text field takes text, and a choice its name: a number or a boolean sent for text is
 * the wrong type, as text sent for a number is (application.yml), and so is a number sent
 * for a choice ({@code "role": 0} would be its first value). Jackson converts both
 * regardless of {@code allow-coercion-of-scalars}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer textTakesOnlyText() {
		return (builder) -> builder
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.withCoercionConfig(LogicalType.Enum,
					(choice) -> choice.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
	}

}
