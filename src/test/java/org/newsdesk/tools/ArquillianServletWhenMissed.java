package org.newsdesk.tools;

import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Works around a race in {@code arquillian-payara-micro-managed} 3.1: it polls Payara Micro's output every 200 ms
 * and takes its snapshot as soon as the "Instance Configuration" lines are there, so when the snapshot falls in
 * the middle of the JSON that lists the deployment's servlets (ours is 80 lines long), it finds none, and every
 * in-container test of that class fails with "ArquillianServletRunnerEE9 not found" although the servlet is
 * deployed (seen once in four full runs on two busy cores). Every Newsdesk deployment is {@code ROOT.war}
 * ({@code Deployments}), so the test servlet is at the root context: this names it there when the container's
 * snapshot missed it, and says so in the log.
 */
public class ArquillianServletWhenMissed implements LoadableExtension {

    static final String SERVLET = "ArquillianServletRunnerEE9";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    public static class Observer {

        private static final Logger LOG = Logger.getLogger(ArquillianServletWhenMissed.class.getName());

        @Inject
        private Instance<ProtocolMetaData> protocolMetaData;

        /** For Arquillian, which injects the deployment's protocol metadata. */
        public Observer() {
        }

        Observer(Instance<ProtocolMetaData> protocolMetaData) {
            this.protocolMetaData = protocolMetaData;
        }

        public void afterDeploy(@Observes AfterDeploy event) {
            ProtocolMetaData metaData = protocolMetaData.get();
            if (metaData == null || !event.getDeployment().testable()) {
                return;
            }
            for (HTTPContext context : metaData.getContexts(HTTPContext.class)) {
                if (context.getServlets().stream().noneMatch(servlet -> SERVLET.equals(servlet.getName()))) {
                    LOG.warning(() -> "The Payara Micro container read the deployment's servlets from a partial log;"
                            + " adding " + SERVLET + " at the root context of " + context.getHost() + ":" + context.getPort());
                    context.add(new Servlet(SERVLET, "/"));
                }
            }
        }
    }
}
