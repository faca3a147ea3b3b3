package org.zeitspende.config;

import java.net.URLDecoder;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTransientException;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers every error of the web layer with an RFC 9457 problem detail, except where a
 * browser asked for a page: it gets a page ({@link ProblemPages}) for an address that
 * leads nowhere, a service out of reach and an unexpected failure. Validation errors name
 * each field and its reason; nothing reveals a stack trace or a class name.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(ProblemDetailsAdvice.class);

	// Paths that carry a link token: a token in a log would let its reader answer for the
	// helper.
	private static final Pattern TOKEN_IN_PATH = Pattern.compile("(/c/|/api/asks/|/h/[a-z-]+/)[^/]+");

	// Absent in slices of the web layer that test the problems alone.
	private final ObjectProvider<ProblemPages> pages;

	// While PostgreSQL or Redis is away, every request that needs it fails: a line each
	// would bury the log under a surge.
	private final FailureStreak datastoresUnavailable;

	@Autowired
	ProblemDetailsAdvice(ObjectProvider<ProblemPages> pages) {
		this(pages, Clock.systemUTC());
	}

	ProblemDetailsAdvice(ObjectProvider<ProblemPages> pages, Clock clock) {
		this.pages = pages;
		this.datastoresUnavailable = new FailureStreak(log, "Reaching PostgreSQL or Redis", "request", clock);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<InvalidField> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> new InvalidField(error.getField(), reason(error)))
			.sorted(Comparator.comparing(InvalidField::field))
			.toList();
		return invalidRequest(ex, errors, headers, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<InvalidField> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new InvalidField(result.getMethodParameter().getParameterName(), reason(error))))
			.toList();
		return invalidRequest(ex, errors, headers, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (hasCause(ex, DataBufferLimitException.class)) {
			return handleBodyTooLarge(exchange);
		}
		if (hasCause(ex, DecodingException.class)) {
			ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, bodyProblem(ex));
			body.setType(ProblemTypes.MALFORMED_BODY);
			body.setTitle("Malformed request body");
			return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
		}
		if (hasCause(ex, TypeMismatchException.class) && ex.getMethodParameter() != null) {
			MethodParameter parameter = ex.getMethodParameter();
			// A page's address with a malformed id leads nowhere, like an unknown id.
			return notFoundPage(exchange).switchIfEmpty(Mono.defer(() -> invalidRequest(ex,
					List.of(new InvalidField(parameter.getParameterName(), wrongType(parameter))), headers, exchange)));
		}
		return super.handleServerWebInputException(ex, headers, status, exchange);
	}

	private Mono<ResponseEntity<Object>> notFoundPage(ServerWebExchange exchange) {
		return page(exchange, (pages) -> pages.notFound(exchange));
	}

	// Only for a browser: the probes, the metrics and the API description live outside
	// /api too, and their clients read problem details.
	private Mono<ResponseEntity<Object>> failurePage(ServerWebExchange exchange,
			Function<ProblemPages, ResponseEntity<String>> which) {
		return acceptsHtml(exchange) ? page(exchange, which) : Mono.empty();
	}

	private static boolean acceptsHtml(ServerWebExchange exchange) {
		try {
			return exchange.getRequest()
				.getHeaders()
				.getAccept()
				.stream()
				.anyMatch((type) -> type.getType().equals("text") && type.getSubtype().equals("html"));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	// A page where the API gets problem details. Empty for the API and the webhooks, and
	// where no pages are served.
	private Mono<ResponseEntity<Object>> page(ServerWebExchange exchange,
			Function<ProblemPages, ResponseEntity<String>> which) {
		ProblemPages problemPages = this.pages.getIfAvailable();
		if (problemPages == null || !PageAddresses.isPage(exchange)) {
			return Mono.empty();
		}
		ResponseEntity<String> page = which.apply(problemPages);
		return Mono.just(new ResponseEntity<>(page.getBody(), page.getHeaders(), page.getStatusCode()));
	}

	// A path or query parameter that is not of its type: named, with what it takes.
	private static String wrongType(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		if (type.isEnum()) {
			return "must be one of " + Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name())
				.collect(Collectors.joining(", "));
		}
		if (type == UUID.class) {
			return "must be a UUID";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "must be a whole number";
		}
		return "has the wrong type or format";
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleResponseStatusException(ResponseStatusException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (ex instanceof NoResourceFoundException) {
			ex.setDetail("There is nothing at this path.");
			return notFoundPage(exchange)
				.switchIfEmpty(Mono.defer(() -> super.handleResponseStatusException(ex, headers, status, exchange)));
		}
		return super.handleResponseStatusException(ex, headers, status, exchange);
	}

	// A problem is JSON whatever the request accepts: a client of a server-sent event
	// stream would otherwise get it as an event.
	@Override
	protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			ServerWebExchange exchange) {
		HttpHeaders problemHeaders = new HttpHeaders();
		problemHeaders.putAll(headers);
		problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.createResponseEntity(body, problemHeaders, status, exchange);
	}

	@ExceptionHandler(DataBufferLimitException.class)
	Mono<ResponseEntity<Object>> handleBodyTooLarge(ServerWebExchange exchange) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than this endpoint accepts.");
		body.setType(ProblemTypes.BODY_TOO_LARGE);
		body.setTitle("Request body too large");
		return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body));
	}

	// A pool that waited too long for a connection under a burst, or PostgreSQL or Redis
	// briefly gone: the client should try again, not report a bug. Logged as a streak; as
	// no request tells that they work again, a streak ends at the next failure a minute
	// or more after its last.
	@ExceptionHandler({ TransientDataAccessException.class, DataAccessResourceFailureException.class,
			R2dbcTransientException.class })
	Mono<ResponseEntity<Object>> handleDatabaseUnavailable(Exception ex, ServerWebExchange exchange) {
		this.datastoresUnavailable.failed(ex,
				(before) -> log.warn("Database unavailable on " + exchange.getRequest().getMethod() + " "
						+ withoutTokens(exchange.getRequest().getPath().value()) + " [" + exchange.getRequest().getId()
						+ "]: " + FailureStreak.reason(ex) + before));
		TemporarilyUnavailableException problem = new TemporarilyUnavailableException(
				"The service is busy or its database is briefly unreachable. Try again in a few seconds.", ex);
		return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), exchange);
	}

	// Redis or PostgreSQL out of reach, where a feature said so itself or the handler
	// above did.
	@Override
	protected Mono<ResponseEntity<Object>> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		Mono<ResponseEntity<Object>> page = (ex instanceof TemporarilyUnavailableException)
				? failurePage(exchange, (pages) -> pages.unavailable(exchange)) : Mono.empty();
		return page.switchIfEmpty(Mono.defer(() -> super.handleErrorResponseException(ex, headers, status, exchange)));
	}

	// The client closed the connection before the answer was written (a load tester
	// stopping, a phone losing its signal): nobody is left to answer, and nothing failed.
	@ExceptionHandler(AbortedException.class)
	Mono<ResponseEntity<Object>> handleClientGone(AbortedException ex, ServerWebExchange exchange) {
		log.debug("Client gone before the answer to " + exchange.getRequest().getMethod() + " "
				+ withoutTokens(exchange.getRequest().getPath().value()) + " [" + exchange.getRequest().getId() + "]");
		return Mono.empty();
	}

	@ExceptionHandler(Exception.class)
	Mono<ResponseEntity<Object>> handleUnexpected(Exception ex, ServerWebExchange exchange) {
		String unstorable = unstorable(ex);
		if (unstorable != null) {
			// At WARN with PostgreSQL's own words: the same states can come from our own
			// arithmetic, which this must not hide.
			log.warn("PostgreSQL refused a value on " + exchange.getRequest().getMethod() + " "
					+ withoutTokens(exchange.getRequest().getPath().value()) + " [" + exchange.getRequest().getId()
					+ "], answered 400: " + cause(ex, R2dbcException.class).getMessage());
			return unstorableValue(ex, unstorable, exchange);
		}
		if (malformedForm(ex)) {
			ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"The form data is not validly encoded.");
			body.setType(ProblemTypes.MALFORMED_BODY);
			body.setTitle("Malformed request body");
			return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
		}
		log.error("Unexpected error on " + exchange.getRequest().getMethod() + " "
				+ withoutTokens(exchange.getRequest().getPath().value()) + " [" + exchange.getRequest().getId() + "]",
				ex);
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Quote request " + exchange.getRequest().getId()
						+ " if you contact us.");
		body.setType(ProblemTypes.INTERNAL_ERROR);
		body.setTitle("Internal error");
		return failurePage(exchange, (pages) -> pages.failed(exchange)).switchIfEmpty(Mono.fromSupplier(
				() -> ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body)));
	}

	// Input that passed validation but that PostgreSQL refuses to store (SQLSTATE
	// class 22, data exception), each named in the client's terms: the request's
	// fault, not ours.
	private static String unstorable(Throwable ex) {
		R2dbcException database = cause(ex, R2dbcException.class);
		String state = (database != null) ? String.valueOf(database.getSqlState()) : "";
		return switch (state) {
			case "22021" -> "Text must not contain the NUL character (U+0000).";
			case "22008" -> "A date or time lies outside the range that can be stored.";
			case "22003" -> "A number lies outside the range that can be stored.";
			default -> null;
		};
	}

	private Mono<ResponseEntity<Object>> unstorableValue(Exception ex, String detail, ServerWebExchange exchange) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		body.setType(ProblemTypes.UNSTORABLE_VALUE);
		body.setTitle("Value cannot be stored");
		return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, exchange);
	}

	private Mono<ResponseEntity<Object>> invalidRequest(Exception ex, List<InvalidField> errors, HttpHeaders headers,
			ServerWebExchange exchange) {
		return handleExceptionInternal(ex, InvalidRequestException.problem(errors), headers, HttpStatus.BAD_REQUEST,
				exchange);
	}

	private static String reason(MessageSourceResolvable error) {
		if (error instanceof FieldError fieldError && fieldError.isBindingFailure()) {
			return "has the wrong type";
		}
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	// Form data with a broken percent-encoding: Spring's form reader fails with the
	// URLDecoder's IllegalArgumentException before any handler sees the form. (Reactor's
	// traceback keeps only the throwing frame in the stack trace itself.)
	private static boolean malformedForm(Throwable ex) {
		StackTraceElement[] frames = ex.getStackTrace();
		return ex instanceof IllegalArgumentException && frames.length > 0
				&& frames[0].getClassName().equals(URLDecoder.class.getName());
	}

	private static String bodyProblem(Throwable ex) {
		UnrecognizedPropertyException unknown = cause(ex, UnrecognizedPropertyException.class);
		if (unknown != null) {
			return "Unknown field '" + unknown.getPropertyName() + "'.";
		}
		DatabindException binding = cause(ex, DatabindException.class);
		if (binding != null && !binding.getPath().isEmpty()) {
			return "Field '" + path(binding) + "' has the wrong type or format.";
		}
		// Jackson gives parser errors within a value a path too; of them only a number
		// too large for its field is about the field, the others about the JSON.
		InputCoercionException range = cause(ex, InputCoercionException.class);
		if (range != null && !range.getPath().isEmpty()) {
			return "Field '" + path(range) + "' is a number out of range.";
		}
		return "The request body is not valid JSON.";
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.toString();
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		return cause(ex, type) != null;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return null;
	}

	static String withoutTokens(String path) {
		return TOKEN_IN_PATH.matcher(path).replaceAll("$1***");
	}

}
