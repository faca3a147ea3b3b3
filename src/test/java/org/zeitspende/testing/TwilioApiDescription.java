package org.zeitspende.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's published OpenAPI description of the Messages resource
 * ({@code src/test/resources/twilio}), used to check what the SMS adapter sends. Nothing
 * about the request is hard-coded here: path, media type, authentication, field names,
 * required fields and field formats all come from the description.
 */
public final class TwilioApiDescription {

	/** The path template of the "create a message" operation. */
	public static final String MESSAGES = "/2010-04-01/Accounts/{AccountSid}/Messages.json";

	private static final String RESOURCE = "/twilio/twilio_api_v2010_messages.json";

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

	private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}]+)}");

	private static final TwilioApiDescription INSTANCE = new TwilioApiDescription(read());

	private final JsonNode root;

	private TwilioApiDescription(JsonNode root) {
		this.root = root;
	}

	/**
	 * The description, read once.
	 * @return the description
	 */
	public static TwilioApiDescription get() {
		return INSTANCE;
	}

	/**
	 * The example answer of the create operation, to answer in its shape.
	 * @return a copy of the example message resource
	 */
	public JsonNode createdMessageExample() {
		return createOperation().path("responses")
			.path("201")
			.path("content")
			.path("application/json")
			.path("examples")
			.path("create")
			.path("value")
			.deepCopy();
	}

	/**
	 * Everything about the request that the description does not allow.
	 * @param request a request the stub received
	 * @return the violations, empty when it conforms
	 */
	public List<String> violations(TwilioRequest request) {
		List<String> violations = new ArrayList<>();
		JsonNode operation = createOperation();
		if (!"POST".equals(request.method()) || operation.isMissingNode()) {
			violations.add(request.method() + " is not an operation of " + MESSAGES);
		}
		String accountSid = checkPath(request.path(), operation, violations);
		String mediaType = operation.path("requestBody").path("content").propertyNames().iterator().next();
		if (request.contentType() == null || !request.contentType().startsWith(mediaType)) {
			violations.add("Content-Type " + request.contentType() + " is not " + mediaType);
		}
		checkAuthentication(request.authorization(), accountSid, violations);
		JsonNode schema = operation.path("requestBody").path("content").path(mediaType).path("schema");
		checkFields(request.form(), schema, violations);
		checkConditionalFields(request.form(), operation, violations);
		return violations;
	}

	private JsonNode createOperation() {
		return this.root.path("paths").path(MESSAGES).path("post");
	}

	private static String checkPath(String path, JsonNode operation, List<String> violations) {
		Matcher matcher = Pattern
			.compile(TEMPLATE_VARIABLE.matcher(Pattern.quote(MESSAGES))
				.replaceAll((variable) -> "\\\\E(?<" + variable.group(1) + ">[^/]+)\\\\Q"))
			.matcher(path);
		if (!matcher.matches()) {
			violations.add("Path " + path + " does not match " + MESSAGES);
			return null;
		}
		for (JsonNode parameter : operation.path("parameters")) {
			String value = matcher.group(parameter.path("name").asString());
			checkValue("path parameter " + parameter.path("name").asString(), value, parameter.path("schema"),
					violations);
		}
		return matcher.group("AccountSid");
	}

	private void checkAuthentication(String authorization, String accountSid, List<String> violations) {
		JsonNode schemes = this.root.path("components").path("securitySchemes");
		String schemeName = createOperation().path("security").path(0).propertyNames().iterator().next();
		String scheme = schemes.path(schemeName).path("scheme").asString();
		String prefix = capitalized(scheme) + " ";
		if (authorization == null || !authorization.startsWith(prefix)) {
			violations.add("Authorization is not " + scheme + ": " + authorization);
			return;
		}
		String credentials = new String(Base64.getDecoder().decode(authorization.substring(prefix.length())),
				StandardCharsets.UTF_8);
		String user = credentials.substring(0, Math.max(0, credentials.indexOf(':')));
		if (!user.equals(accountSid)) {
			violations.add("Basic user " + user + " is not the account SID of the path " + accountSid);
		}
	}

	private void checkFields(Map<String, List<String>> form, JsonNode schema, List<String> violations) {
		JsonNode properties = schema.path("properties");
		for (JsonNode required : schema.path("required")) {
			if (!form.containsKey(required.asString())) {
				violations.add("Required field " + required.asString() + " is missing");
			}
		}
		form.forEach((name, values) -> {
			JsonNode property = properties.path(name);
			if (property.isMissingNode()) {
				violations.add("Field " + name + " is not in the request schema");
				return;
			}
			if (values.size() > 1 && !"array".equals(property.path("type").asString())) {
				violations.add("Field " + name + " is sent " + values.size() + " times");
			}
			JsonNode valueSchema = "array".equals(property.path("type").asString()) ? property.path("items")
					: resolve(property);
			values.forEach((value) -> checkValue("field " + name, value, valueSchema, violations));
		});
	}

	// x-twilio "conditional": of each group, at least one field must be present
	// (from or messaging_service_sid; body, media_url or content_sid).
	private static void checkConditionalFields(Map<String, List<String>> form, JsonNode operation,
			List<String> violations) {
		for (JsonNode group : operation.path("x-twilio").path("conditional")) {
			List<String> names = new ArrayList<>();
			group.forEach((name) -> names.add(pascalCase(name.asString())));
			if (names.stream().noneMatch(form::containsKey)) {
				violations.add("None of " + names + " is present");
			}
		}
	}

	private JsonNode resolve(JsonNode property) {
		String reference = property.path("$ref").asString("");
		return reference.startsWith("#/") ? this.root.at(reference.substring(1)) : property;
	}

	private static void checkValue(String what, String value, JsonNode schema, List<String> violations) {
		String problem = problem(value, schema);
		if (problem != null) {
			violations.add(what + " = '" + value + "' " + problem);
		}
	}

	private static String problem(String value, JsonNode schema) {
		String type = schema.path("type").asString("string");
		String format = schema.path("format").asString("");
		if ("integer".equals(type) && !value.matches("-?[0-9]+")) {
			return "is not an integer";
		}
		if ("boolean".equals(type) && !value.matches("true|false")) {
			return "is not a boolean";
		}
		if ("phone-number".equals(format) && !E164.matcher(value).matches()) {
			return "is not an E.164 number";
		}
		if ("uri".equals(format) && !isAbsoluteUri(value)) {
			return "is not an absolute URI";
		}
		if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asString()).matcher(value).find()) {
			return "does not match " + schema.path("pattern").asString();
		}
		if (schema.has("enum")) {
			List<String> allowed = new ArrayList<>();
			schema.path("enum").forEach((option) -> allowed.add(option.asString()));
			if (!allowed.contains(value)) {
				return "is not one of " + allowed;
			}
		}
		return null;
	}

	private static boolean isAbsoluteUri(String value) {
		try {
			URI uri = new URI(value);
			return uri.isAbsolute() && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String pascalCase(String snakeCase) {
		StringBuilder name = new StringBuilder();
		for (String part : snakeCase.split("_")) {
			name.append(capitalized(part));
		}
		return name.toString();
	}

	private static String capitalized(String word) {
		return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
	}

	private static JsonNode read() {
		try (InputStream in = TwilioApiDescription.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the test classpath");
			}
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
