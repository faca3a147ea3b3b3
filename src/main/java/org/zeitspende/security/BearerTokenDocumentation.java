package org.zeitspende.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the bearer token in the OpenAPI document, so that the API browser can send
 * one ("Authorize").
 */
@Configuration(proxyBeanMethods = false)
class BearerTokenDocumentation {

	private static final String SCHEME = "bearer-token";

	@Bean
	OpenApiCustomizer bearerTokenScheme() {
		return (openApi) -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.bearerFormat("JWT")
					.description(
							"A token from POST /api/auth/token, or from the configured OpenID Connect " + "issuer."));
			openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		};
	}

}
