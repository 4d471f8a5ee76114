package org.newsdesk.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.newsdesk.platform.Phrase;

/**
 * Decides, in one place, whether Newsdesk may read a host on a port, and resolves it for the connection: a
 * host written as a number in an unusual form ({@code 0177.0.0.1}, {@code 0x7f.1}, {@code 2130706433}) is
 * refused before it is looked up, and one with any address inside a network (loopback, private, link-local,
 * shared, multicast, reserved) after, unless {@link AllowedHosts} lets that host through on that port. A page's
 * address must not reach the server's own neighbours, such as a database or a cloud's metadata service. The
 * connection then goes to exactly the addresses checked here, so a name that resolves differently a second
 * time changes nothing.
 *
 * <pre>
 * HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
 *         .setDnsResolver(new AddressGuard(AllowedHosts.NONE)).build());
 * </pre>
 */
final class AddressGuard implements DnsResolver {

    private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0x[0-9a-f]*", Pattern.CASE_INSENSITIVE);

    /**
     * A host refused, and why, worded for the editor: {@link #phrase()} when it was asked for, {@link #redirected()}
     * when a redirect led there, {@link #clause()} to end a sentence about another address.
     */
    static final class Refusal extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        private final transient Phrase phrase;
        private final transient Phrase redirected;
        private final transient Phrase clause;

        private Refusal(Phrase phrase, Phrase redirected, Phrase clause) {
            super(phrase.english());
            this.phrase = phrase;
            this.redirected = redirected;
            this.clause = clause;
        }

        static Refusal internal(String host, InetAddress address) {
            Phrase kind = kind(address);
            String shown = shown(host);
            if (isLiteral(host)) {
                return new Refusal(Phrase.of("source.guard.is", shown, kind), Phrase.of("source.redirect.is", shown, kind),
                        Phrase.of("source.clause.is", kind));
            }
            String leadsTo = address.getHostAddress();
            return new Refusal(Phrase.of("source.guard.leadsTo", shown, leadsTo, kind), Phrase.of("source.redirect.leadsTo", shown, leadsTo, kind),
                    Phrase.of("source.clause.leadsTo", leadsTo, kind));
        }

        static Refusal port(String host, int port, AllowedHosts allowed) {
            String variable = SourceConfig.SOURCE_ALLOW_HOSTS.variable();
            String shown = shown(host);
            String ports = allowed.portsOf(host);
            return new Refusal(Phrase.of("source.guard.port", shown + ":" + port, variable, shown, ports),
                    Phrase.of("source.redirect.port", shown + ":" + port, variable, shown, ports), Phrase.of("source.clause.port", variable, shown, ports));
        }

        static Refusal unusualForm(String host) {
            return new Refusal(Phrase.of("source.guard.unusual", host), Phrase.of("source.redirect.unusual", host),
                    Phrase.of("source.clause.unusual"));
        }

        /** What to tell the person who asked for this host. */
        Phrase phrase() {
            return phrase;
        }

        /** "It redirected to 169.254.169.254, a link-local address; Newsdesk does not read pages there." */
        Phrase redirected() {
            return redirected;
        }

        /** The end of a sentence about an address with this host: "is a link-local address, which Newsdesk does not use". */
        Phrase clause() {
            return clause;
        }
    }

    private final AllowedHosts allowed;

    AddressGuard(AllowedHosts allowed) {
        this.allowed = allowed;
    }

    /**
     * The addresses of {@code host} (an IPv6 one with or without brackets), when Newsdesk may read it on
     * {@code port}; a {@link Refusal} saying why when it may not, and an {@link UnknownHostException} when the
     * host has no address.
     */
    InetAddress[] check(String host, int port) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        checkForm(bare);
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        if (!allowed.allows(bare, port)) {
            for (InetAddress address : addresses) {
                if (kind(address) != null) {
                    throw allowed.names(bare) ? Refusal.port(bare, port, allowed) : Refusal.internal(bare, address);
                }
            }
        }
        return addresses;
    }

    /** What HttpClient asks when it connects: the port is known, so the allow-list's entries are checked whole. */
    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(check(host, port)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    /** Without a port, only a host the allow-list opens on every port may be internal. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        return check(host, AllowedHosts.EVERY_PORT);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /**
     * Refuses a host that ends in a number (so that browsers and resolvers read it as an IPv4 address) but is not
     * four decimal numbers from 0 to 255 without leading zeros: {@code 0177.0.0.1} is 127.0.0.1 to one reader
     * and 177.0.0.1 to another, {@code 127.1} and {@code 2130706433} are 127.0.0.1. Names such as
     * {@code 1password.com} or {@code 123.example} end in a word and pass.
     */
    static void checkForm(String host) throws Refusal {
        String[] parts = host.split("\\.", -1);
        String last = parts[parts.length - 1].isEmpty() && parts.length > 1 ? parts[parts.length - 2] : parts[parts.length - 1];
        if (!NUMBER.matcher(last).matches() || host.contains(":")) {
            return;
        }
        boolean dottedDecimal = parts.length == 4
                && Arrays.stream(parts).allMatch(p -> DECIMAL_OCTET.matcher(p).matches() && Integer.parseInt(p) <= 255);
        if (!dottedDecimal) {
            throw Refusal.unusualForm(host);
        }
    }

    /** Whether an address is one no public page lives at. */
    static boolean isInternal(InetAddress address) {
        return kind(address) != null;
    }

    /** What kind of internal address this is, as an editor reads it ("a loopback address"); null for a public one. */
    static Phrase kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (!(address instanceof Inet6Address)) {
            return kindV4(b);
        }
        if (address.isAnyLocalAddress()) {
            return Phrase.of("source.kind.unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Phrase.of("source.kind.loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Phrase.of("source.kind.linkLocal");
        }
        if (address.isSiteLocalAddress()) {
            return Phrase.of("source.kind.private"); // fec0::/10, the old site-local addresses
        }
        if (address.isMulticastAddress()) {
            return Phrase.of("source.kind.multicast");
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Phrase.of("source.kind.uniqueLocal"); // fc00::/7
        }
        boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        boolean compatible = Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[12]);
        if (sixToFour || nat64 || compatible) {
            byte[] v4 = sixToFour ? Arrays.copyOfRange(b, 2, 6) : Arrays.copyOfRange(b, 12, 16);
            Phrase carried = kindV4(v4);
            return carried == null ? null
                    : Phrase.of("source.kind.carrying", (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff), carried);
        }
        boolean documentation = (b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8;
        return documentation ? Phrase.of("source.kind.reserved") : null;
    }

    private static Phrase kindV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        int third = b[2] & 0xff;
        if (first == 0 && second == 0 && third == 0 && (b[3] & 0xff) == 0) {
            return Phrase.of("source.kind.unspecified");
        }
        if (first == 127) {
            return Phrase.of("source.kind.loopback");
        }
        if (first == 10 || first == 172 && (second & 0xf0) == 16 || first == 192 && second == 168) {
            return Phrase.of("source.kind.private");
        }
        if (first == 169 && second == 254) {
            return Phrase.of("source.kind.linkLocal");
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return Phrase.of("source.kind.shared");
        }
        if (first >= 224 && first < 240) {
            return Phrase.of("source.kind.multicast");
        }
        boolean reserved = first == 0 || first >= 240                     // "this network", future use, broadcast
                || first == 192 && second == 0 && (third == 0 || third == 2) // protocol assignments, documentation
                || first == 198 && (second & 0xfe) == 18                     // benchmarking
                || first == 198 && second == 51 && third == 100
                || first == 203 && second == 0 && third == 113;
        return reserved ? Phrase.of("source.kind.reserved") : null;
    }

    /** An address written as one (a dotted decimal IPv4 or an IPv6 address), not a name to look up. */
    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** A host as an address shows it: an IPv6 address in brackets. */
    private static String shown(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
