package org.newsdesk.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the run command's settings for several instances become Payara Micro's arguments. */
class LocalServerTest {

    @Test
    void oneInstanceRunsNoDataGrid() {
        assertEquals(List.of("--nohazelcast"), LocalServer.clusterArguments(Map.of()));
        assertEquals(List.of("--nohazelcast"), LocalServer.clusterArguments(Map.of("NEWSDESK_CLUSTER_MEMBERS", " ")));
    }

    @Test
    void membersAreFoundOverTcpOnTheSiteAddress() {
        assertEquals(List.of("--clustermode", "tcpip:10.0.0.5,10.0.0.6:6901", "--clustername", "newsdesk", "--interfaces", "127.0.0.1"),
                LocalServer.clusterArguments(Map.of("NEWSDESK_CLUSTER_MEMBERS", "10.0.0.5, 10.0.0.6:6901")));
        assertEquals(List.of("--clustermode", "tcpip:app,app2", "--clustername", "desk-b", "--startport", "5901"),
                LocalServer.clusterArguments(Map.of("NEWSDESK_CLUSTER_MEMBERS", "app,app2", "NEWSDESK_CLUSTER_NAME", "desk-b",
                        "NEWSDESK_CLUSTER_PORT", "5901", "NEWSDESK_BIND", "0.0.0.0")));
    }

    @Test
    void aWrongSettingIsRefusedNamingIt() {
        IllegalArgumentException members = assertThrows(IllegalArgumentException.class,
                () -> LocalServer.clusterArguments(Map.of("NEWSDESK_CLUSTER_MEMBERS", "10.0.0.5;rm -rf /")));
        assertTrue(members.getMessage().startsWith("NEWSDESK_CLUSTER_MEMBERS must be"), members.getMessage());
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> LocalServer.clusterArguments(Map.of("NEWSDESK_CLUSTER_MEMBERS", "app", "NEWSDESK_CLUSTER_PORT", "six")));
        assertTrue(port.getMessage().startsWith("NEWSDESK_CLUSTER_PORT must be"), port.getMessage());
    }
}
