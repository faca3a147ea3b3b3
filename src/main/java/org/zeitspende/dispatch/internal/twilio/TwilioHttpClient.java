package org.zeitspende.dispatch.internal.twilio;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.zeitspende.dispatch.internal.Attempt;

/**
 * The HTTP client under the Twilio SDK, with three changes to the SDK's own:
 * <ul>
 * <li>No retries of its own. The SDK repeats a request up to three times on any 5xx, with
 * a blocking sleep, and Apache HttpClient may repeat on some I/O errors; a repeated POST
 * to the Messages resource can send the SMS twice. All retrying is left to the
 * Resilience4j retry, which repeats only what provably was not processed.</li>
 * <li>It marks the {@link Attempt} as handed over once the connection stands and the
 * request is about to be written, so a failure before that (refused, unreachable, TLS) is
 * known to have sent nothing; an attempt the time limiter gave up by then is not
 * written.</li>
 * <li>With a base URL, every request goes to that host instead of {@code api.twilio.com}:
 * the route changes, the path, form and Basic authentication stay the same.</li>
 * </ul>
 */
final class TwilioHttpClient extends NetworkHttpClient implements Closeable {

	private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

	private static final int[] NO_RETRY_CODES = {};

	private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(5);

	TwilioHttpClient(String baseUrl, int connections, Duration socketTimeout) {
		super(builder(baseUrl, connections, socketTimeout));
	}

	@Override
	public Response reliableRequest(Request request) {
		return reliableRequest(request, NO_RETRY_CODES, 1, 0);
	}

	/**
	 * Runs a call of the SDK on this thread, marking the attempt once the request goes
	 * out.
	 * @param <T> the result
	 * @param attempt the attempt to mark
	 * @param call the SDK call
	 * @return what the call returns
	 */
	<T> T during(Attempt attempt, Supplier<T> call) {
		CURRENT.set(attempt);
		try {
			return call.get();
		}
		finally {
			CURRENT.remove();
		}
	}

	@Override
	public void close() {
		this.client.close(CloseMode.GRACEFUL);
	}

	private static HttpClientBuilder builder(String baseUrl, int connections, Duration socketTimeout) {
		Timeout timeout = Timeout.of(socketTimeout);
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(CONNECT_TIMEOUT)
				.setSocketTimeout(timeout)
				.setValidateAfterInactivity(TimeValue.ofSeconds(1))
				.build())
			.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(timeout).setSoKeepAlive(true).build())
			.setMaxConnTotal(connections)
			.setMaxConnPerRoute(connections)
			.build();
		HttpClientBuilder builder = HttpClients.custom()
			.setConnectionManager(pool)
			.disableAutomaticRetries()
			.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "zeitspende-hand-over",
					TwilioHttpClient::markHandedOver);
		if (baseUrl != null && !baseUrl.isBlank()) {
			URI base = URI.create(baseUrl);
			HttpHost target = new HttpHost(base.getScheme(), base.getHost(), base.getPort());
			builder.setRoutePlanner((host, context) -> new HttpRoute(target));
		}
		return builder;
	}

	// Runs after the connection is established (CONNECT) and before the request is
	// written.
	private static ClassicHttpResponse markHandedOver(ClassicHttpRequest request, ExecChain.Scope scope,
			ExecChain chain) throws IOException, HttpException {
		Attempt attempt = CURRENT.get();
		if (attempt != null && !attempt.handOver()) {
			throw new IOException("Not sent: the time limit passed before the request was written");
		}
		return chain.proceed(request, scope);
	}

}
