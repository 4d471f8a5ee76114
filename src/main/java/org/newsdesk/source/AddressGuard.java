package org.newsdesk.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host for a source fetch, once, and refuses it if any of its addresses is inside a network
 * (loopback, private, link-local, shared, multicast, reserved): a page's address must not reach the
 * server's own neighbours, such as a database or a cloud's metadata service. The connection then goes to
 * exactly the addresses checked here, so a name that resolves differently a second time changes nothing.
 *
 * <pre>
 * HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
 *         .setDnsResolver(new AddressGuard(Set.of())).build());
 * </pre>
 */
final class AddressGuard implements DnsResolver {

    /** A host refused because of where it is; the message says which address, for the editor. */
    static final class InternalAddressException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        InternalAddressException(String host, InetAddress address) {
            super(host.equals(address.getHostAddress())
                    ? host + " is an address inside a private network; Newsdesk does not read pages there."
                    : host + " leads to " + address.getHostAddress()
                            + ", an address inside a private network; Newsdesk does not read pages there.");
        }
    }

    private final Set<String> allowed;

    /** {@code allowed}: host names or address literals (lower case) let through although internal, for tests. */
    AddressGuard(Set<String> allowed) {
        this.allowed = allowed;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        if (!allowed.contains(host.toLowerCase(Locale.ROOT))) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    throw new InternalAddressException(host, address);
                }
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** Whether an address is one no public page lives at. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local, fc00::/7
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return isInternalV4(Arrays.copyOfRange(b, 2, 6)); // 6to4 carries an IPv4 address
            }
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            boolean compatible = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[12]);
            if (nat64 || compatible) {
                return isInternalV4(Arrays.copyOfRange(b, 12, 16));
            }
            return (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
        }
        return isInternalV4(b);
    }

    private static boolean isInternalV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        return first == 0 || first == 10 || first == 127 || first >= 224
                || (first == 100 && (second & 0xc0) == 64)      // shared address space (carrier NAT)
                || (first == 169 && second == 254)
                || (first == 172 && (second & 0xf0) == 16)
                || (first == 192 && second == 168)
                || (first == 192 && second == 0 && (third == 0 || third == 2))
                || (first == 198 && (second & 0xfe) == 18)     // benchmarking
                || (first == 198 && second == 51 && third == 100)
                || (first == 203 && second == 0 && third == 113);
    }
}
