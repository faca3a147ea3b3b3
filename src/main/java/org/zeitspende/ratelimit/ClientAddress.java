package org.zeitspende.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

/**
 * The client's address for per-IP limits (honours forwarded headers only as Spring's
 * ForwardedHeaderTransformer/server.forward-headers-strategy configures; otherwise the
 * remote address).
 * <p>
 * An IPv6 client is counted by its /64 network, the block one household or phone gets, so
 * that it cannot step around a limit by changing the last bits of its address.
 */
public final class ClientAddress {

	/** The subject when the server knows no remote address. */
	static final String UNKNOWN = "unknown";

	// Only what can be an IPv6 literal is parsed, so that no host name is ever looked up
	// (InetAddress resolves names, and that blocks).
	private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

	private static final int IPV6_NETWORK_BYTES = 8;

	private ClientAddress() {
	}

	/**
	 * The address to count a request for.
	 * @param exchange the current exchange
	 * @return an IPv4 address, an IPv6 network such as {@code 2001:db8:0:0:0:0:0:0/64},
	 * or {@code unknown}
	 */
	public static String of(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return UNKNOWN;
		}
		InetAddress address = remote.getAddress();
		if (address == null) {
			// Set from a forwarded header: Spring keeps it unresolved.
			return ofLiteral(remote.getHostString());
		}
		return normalise(address);
	}

	private static String ofLiteral(String host) {
		if (host.isBlank()) {
			return UNKNOWN;
		}
		String literal = stripZone(stripBrackets(host));
		if (literal.indexOf(':') < 0 || !IPV6_LITERAL.matcher(literal).matches()) {
			return host;
		}
		try {
			return normalise(InetAddress.getByName(literal));
		}
		catch (UnknownHostException | IllegalArgumentException ex) {
			return host;
		}
	}

	private static String normalise(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address.getHostAddress();
		}
		byte[] network = new byte[16];
		System.arraycopy(address.getAddress(), 0, network, 0, IPV6_NETWORK_BYTES);
		try {
			return InetAddress.getByAddress(network).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("16 bytes are always an IPv6 address", ex);
		}
	}

	private static String stripZone(String host) {
		int zone = host.indexOf('%');
		return (zone < 0) ? host : host.substring(0, zone);
	}

	private static String stripBrackets(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
