package org.newsdesk.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who a request really comes from. Behind nginx or a load balancer every request arrives from the proxy;
 * the proxy names the reader in {@code X-Forwarded-For}.
 * Those headers are believed only from the proxies listed in {@code NEWSDESK_TRUSTED_PROXIES} (addresses
 * or CIDR ranges, comma-separated): anyone else could write them to escape a rate limit or a ban.
 *
 * <pre>
 * ClientAddress.of(request)       // "203.0.113.7" (the reader), or the connection's address
 * </pre>
 *
 * Range matching is a few lines of byte comparison on {@link InetAddress}: the platform offers none, and
 * a library for it would be larger than the need.
 */
public final class ClientAddress {

    private static final List<Range> TRUSTED = PlatformConfig.TRUSTED_PROXIES.optional().orElse(List.of());

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), TRUSTED);
    }

    /**
     * The client: walking {@code X-Forwarded-For} from the nearest hop back, the first address that is not
     * a trusted proxy; the connection's own address unless it is one.
     */
    static String resolve(String remote, String forwardedFor, List<Range> trusted) {
        if (forwardedFor == null || !trusted(remote, trusted)) {
            return remote;
        }
        List<String> hops = new ArrayList<>(Arrays.stream(forwardedFor.split(",")).map(String::strip).filter(h -> !h.isEmpty()).toList());
        String client = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (parse(hop) == null) {
                return client; // not an address: nothing further back can be believed
            }
            client = hop;
            if (!trusted(hop, trusted)) {
                return hop;
            }
        }
        return client;
    }

    static List<Range> ranges(String setting) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("/", 2);
            InetAddress address = parse(parts[0]);
            if (address == null) {
                throw new IllegalStateException("NEWSDESK_TRUSTED_PROXIES: '" + text + "' is not an address or a range such as 10.0.0.0/8");
            }
            int bits = address.getAddress().length * 8;
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bits;
            if (prefix < 0 || prefix > bits) {
                throw new IllegalStateException("NEWSDESK_TRUSTED_PROXIES: '" + text + "' has no such prefix length");
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return List.copyOf(ranges);
    }

    private static boolean trusted(String address, List<Range> trusted) {
        InetAddress parsed = parse(address);
        return parsed != null && trusted.stream().anyMatch(range -> range.contains(parsed.getAddress()));
    }

    /** Only literal addresses: a host name here would mean a DNS lookup per request. */
    private static InetAddress parse(String text) {
        if (text == null || !text.matches("[0-9A-Fa-f:.]{2,45}")) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    record Range(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
