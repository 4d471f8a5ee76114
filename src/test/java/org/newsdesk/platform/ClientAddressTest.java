package org.newsdesk.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For is believed only from trusted proxies, and only as far back as the proxies go. */
class ClientAddressTest {

    private static final List<ClientAddress.Range> PROXIES = ClientAddress.ranges("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8");

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClient() {
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "198.51.100.1", List.of()));
        assertEquals("203.0.113.9", ClientAddress.resolve("203.0.113.9", "198.51.100.1", PROXIES),
                "a reader cannot name another address by writing the header themselves");
    }

    @Test
    void aTrustedProxyNamesTheReader() {
        assertEquals("198.51.100.1", ClientAddress.resolve("127.0.0.1", "198.51.100.1", PROXIES));
        assertEquals("198.51.100.1", ClientAddress.resolve("10.1.2.3", "198.51.100.1, 10.9.9.9", PROXIES),
                "proxies in a chain are skipped");
        assertEquals("2001:db8::7", ClientAddress.resolve("::1", "2001:db8::7", PROXIES));
    }

    @Test
    void whatTheReaderWroteBeforeTheFirstProxyIsNotBelieved() {
        assertEquals("198.51.100.1", ClientAddress.resolve("127.0.0.1", "6.6.6.6, 198.51.100.1", PROXIES),
                "the reader's own forged entry stands before the address our proxy saw");
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", "not-an-address", PROXIES));
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", null, PROXIES));
    }

    @Test
    void rangesAreCheckedBitByBit() {
        List<ClientAddress.Range> ranges = ClientAddress.ranges("192.168.4.0/22");
        assertEquals("203.0.113.5", ClientAddress.resolve("192.168.7.255", "203.0.113.5", ranges));
        assertEquals("192.168.8.1", ClientAddress.resolve("192.168.8.1", "203.0.113.5", ranges));
        assertThrows(IllegalStateException.class, () -> ClientAddress.ranges("proxy.example.org"));
        assertThrows(IllegalStateException.class, () -> ClientAddress.ranges("10.0.0.0/33"));
    }
}
