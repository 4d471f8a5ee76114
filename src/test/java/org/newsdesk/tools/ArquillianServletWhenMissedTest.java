package org.newsdesk.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.util.List;
import java.util.ServiceLoader;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** The container's partial read of the servlets is completed; a complete one is left as it is. */
class ArquillianServletWhenMissedTest {

    @Test
    void aTestableDeploymentReadWithoutItsTestServletGetsItAtTheRootContext() {
        HTTPContext partial = new HTTPContext("127.0.0.1", 8123).add(new Servlet("Faces Servlet", "/"));
        afterDeploy(partial, true);
        Servlet added = partial.getServletByName(ArquillianServletWhenMissed.SERVLET);
        assertEquals("http://127.0.0.1:8123/", added.getBaseURI().toString());
    }

    @Test
    void aCompleteReadAndAClientOnlyDeploymentAreLeftAlone() {
        HTTPContext complete = new HTTPContext("127.0.0.1", 8123).add(new Servlet(ArquillianServletWhenMissed.SERVLET, "/"));
        afterDeploy(complete, true);
        assertEquals(1, complete.getServlets().size());
        HTTPContext clientOnly = new HTTPContext("127.0.0.1", 8123);
        afterDeploy(clientOnly, false);
        assertEquals(List.of(), clientOnly.getServlets());
    }

    @Test
    void arquillianLoadsIt() {
        assertTrue(ServiceLoader.load(LoadableExtension.class).stream()
                .anyMatch(found -> found.type() == ArquillianServletWhenMissed.class));
    }

    private static void afterDeploy(HTTPContext context, boolean testable) {
        ProtocolMetaData metaData = new ProtocolMetaData().addContext(context);
        DeploymentDescription deployment = new DeploymentDescription("newsdesk", ShrinkWrap.create(WebArchive.class, "ROOT.war"));
        deployment.shouldBeTestable(testable);
        new ArquillianServletWhenMissed.Observer(() -> metaData).afterDeploy(new AfterDeploy(new PayaraMicroDeployableContainer(), deployment));
    }
}
