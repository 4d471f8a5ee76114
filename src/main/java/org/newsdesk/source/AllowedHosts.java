package org.newsdesk.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The internal addresses a source fetch may reach all the same ({@code NEWSDESK_SOURCE_ALLOW_HOSTS}), for
 * tests: each entry a host and its port. A host alone means its ports 80 and 443; {@code host:*} every port,
 * which only a test should ever need. An IPv6 address is written in brackets.
 *
 * <pre>
 * AllowedHosts allowed = AllowedHosts.parse("127.0.0.1:8080, sources.test, [::1]:8443");
 * allowed.allows("127.0.0.1", 8080);   // true
 * allowed.allows("127.0.0.1", 6379);   // false: another service on the same host
 * allowed.allows("sources.test", 443); // true
 * </pre>
 *
 * @param ports each host (lower case; an IPv6 address without brackets, in its full form) and its ports,
 *              {@link #EVERY_PORT} for all of them
 */
public record AllowedHosts(Map<String, Set<Integer>> ports) {

    /** The port of a {@code host:*} entry: every port. */
    public static final int EVERY_PORT = -1;

    public static final AllowedHosts NONE = new AllowedHosts(Map.of());

    public AllowedHosts {
        ports = Map.copyOf(ports);
    }

    /**
     * Reads a comma-separated list of {@code host:port}, {@code host} (ports 80 and 443) or {@code host:*}
     * entries; refuses, with an {@link IllegalArgumentException} naming it, an entry it cannot read.
     */
    public static AllowedHosts parse(String text) {
        Map<String, Set<Integer>> ports = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String entry = part.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            String host;
            String port;
            if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0 || close + 1 < entry.length() && entry.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException(entry + ": an IPv6 address is written [::1] or [::1]:8080");
                }
                host = entry.substring(1, close);
                port = close + 1 < entry.length() ? entry.substring(close + 2) : null;
                if (ipv6(host) == null) {
                    throw new IllegalArgumentException(entry + ": not an IPv6 address");
                }
            } else if (entry.indexOf(':') != entry.lastIndexOf(':')) {
                throw new IllegalArgumentException(entry + ": write an IPv6 address in brackets, as [::1]:8080");
            } else {
                int colon = entry.indexOf(':');
                host = colon < 0 ? entry : entry.substring(0, colon);
                port = colon < 0 ? null : entry.substring(colon + 1);
            }
            if (host.isEmpty()) {
                throw new IllegalArgumentException(entry + ": no host");
            }
            Set<Integer> hostPorts = ports.computeIfAbsent(key(host), h -> new TreeSet<>());
            if (port == null) {
                hostPorts.addAll(Set.of(80, 443));
            } else if (port.equals("*")) {
                hostPorts.add(EVERY_PORT);
            } else {
                hostPorts.add(port(port, entry));
            }
        }
        return new AllowedHosts(ports.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue()))));
    }

    private static int port(String text, String entry) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(entry + ": a port is a number from 1 to 65535, or *");
    }

    /** Whether {@code host} (as in an address, an IPv6 one with or without brackets) may be reached on {@code port}. */
    public boolean allows(String host, int port) {
        Set<Integer> allowed = ports.get(key(host));
        return allowed != null && (allowed.contains(EVERY_PORT) || allowed.contains(port));
    }

    /** Whether the list names {@code host} at all, on any port. */
    public boolean names(String host) {
        return ports.containsKey(key(host));
    }

    /** Whether some entry opens every port of its host ({@code host:*}), as only tests should. */
    public boolean opensEveryPort() {
        return ports.values().stream().anyMatch(p -> p.contains(EVERY_PORT));
    }

    /** The ports the list opens on {@code host}, as a sentence ends: "ports 80 and 443", "port 8080". */
    String portsOf(String host) {
        Set<Integer> allowed = new TreeSet<>(ports.getOrDefault(key(host), Set.of()));
        if (allowed.contains(EVERY_PORT)) {
            return "every port";
        }
        String[] numbers = allowed.stream().map(String::valueOf).toArray(String[]::new);
        if (numbers.length == 1) {
            return "port " + numbers[0];
        }
        return "ports " + String.join(", ", java.util.Arrays.copyOf(numbers, numbers.length - 1)) + " and " + numbers[numbers.length - 1];
    }

    /** A host as the list keeps it: lower case, an IPv6 address unbracketed in one spelling ({@code ::1} is {@code 0:0:0:0:0:0:0:1}). */
    private static String key(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String ipv6 = bare.contains(":") ? ipv6(bare) : null;
        return ipv6 != null ? ipv6 : bare.toLowerCase(Locale.ROOT);
    }

    /**
     * An IPv6 literal in its full spelling, or null when {@code bare} is not one; parsed, never looked up. An
     * IPv4-mapped address ({@code ::ffff:127.0.0.1}) keeps its own spelling: the list must name it as written.
     */
    private static String ipv6(String bare) {
        try {
            InetAddress address = InetAddress.getByName("[" + bare + "]");
            return address instanceof Inet6Address ? address.getHostAddress().toLowerCase(Locale.ROOT) : bare.toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
