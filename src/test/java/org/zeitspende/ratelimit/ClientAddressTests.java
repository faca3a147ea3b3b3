package org.zeitspende.ratelimit;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	@Test
	void ipv4_isTheRemoteAddress() {
		assertThat(ClientAddress.of(from("198.51.100.7"))).isEqualTo("198.51.100.7");
	}

	@Test
	void forwardedHeaders_areIgnoredUnlessSpringAppliesThem() {
		MockServerHttpRequest request = request("198.51.100.7").header("X-Forwarded-For", "203.0.113.9").build();
		assertThat(ClientAddress.of(MockServerWebExchange.from(request))).isEqualTo("198.51.100.7");
	}

	@Test
	void forwardedHeaders_countOnceSpringAppliedThem() {
		assertThat(ClientAddress.of(forwarded("X-Forwarded-For", "203.0.113.9, 10.0.0.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void ipv6_isCountedByItsSlash64Network() {
		assertThat(ClientAddress.of(from("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(ClientAddress.of(from("2001:db8:1:2:ffff::1"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
	}

	@Test
	void forwardedIpv6_isCountedByItsSlash64Network() {
		assertThat(ClientAddress.of(forwarded("Forwarded", "for=\"[2001:db8:1:2::9]:4711\"")))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
	}

	@Test
	void ipv4MappedIpv6_isTheIpv4Address() {
		assertThat(ClientAddress.of(from("::ffff:198.51.100.7"))).isEqualTo("198.51.100.7");
	}

	@Test
	void forwardedName_isTakenAsItIs() {
		assertThat(ClientAddress.of(forwarded("Forwarded", "for=_hidden"))).isEqualTo("_hidden");
	}

	@Test
	void noRemoteAddress_isUnknown() {
		assertThat(ClientAddress.of(MockServerWebExchange.from(MockServerHttpRequest.get("/")))).isEqualTo("unknown");
	}

	// What server.forward-headers-strategy=framework does to every request.
	private static ServerWebExchange forwarded(String header, String value) {
		MockServerWebExchange exchange = MockServerWebExchange.from(request("10.0.0.2").header(header, value));
		ServerHttpRequest request = new ForwardedHeaderTransformer().apply(exchange.getRequest());
		return exchange.mutate().request(request).build();
	}

	private static MockServerWebExchange from(String address) {
		return MockServerWebExchange.from(request(address));
	}

	private static MockServerHttpRequest.BaseBuilder<?> request(String address) {
		return MockServerHttpRequest.post("/api/helpers").remoteAddress(new InetSocketAddress(address, 50123));
	}

}
