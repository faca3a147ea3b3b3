package org.zeitspende.confirmation;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.accept.RequestedContentTypeResolver;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * Finds the handler of an ask link before any other mapping. The service's main mapping
 * compares a path with variables against each of its two hundred mappings in turn; in a
 * surge of taps on links that comparison cost as much as the rest of the lookup. This
 * mapping knows only the two ask link controllers. The main mapping keeps them as well
 * (the API description is read from it) but no longer sees their requests. A link path
 * that matches no method here gets the same 404, 405 or 406 the main mapping would give.
 */
@Component
class AskLinkMapping implements HandlerMapping, Ordered, ApplicationContextAware, InitializingBean {

	private static final Set<Class<?>> LINK_CONTROLLERS = Set.of(AskController.class, AskPage.class);

	private final RequestMappingHandlerMapping links = new RequestMappingHandlerMapping() {

		@Override
		protected boolean isHandler(Class<?> beanType) {
			return LINK_CONTROLLERS.contains(ClassUtils.getUserClass(beanType));
		}

	};

	AskLinkMapping(RequestedContentTypeResolver webFluxContentTypeResolver) {
		this.links.setContentTypeResolver(webFluxContentTypeResolver);
	}

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.links.setApplicationContext(context);
	}

	@Override
	public void afterPropertiesSet() {
		this.links.afterPropertiesSet();
	}

	@Override
	public Mono<Object> getHandler(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return (path.startsWith("/api/asks/") || path.startsWith("/c/")) ? this.links.getHandler(exchange)
				: Mono.empty();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
