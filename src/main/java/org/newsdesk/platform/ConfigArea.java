package org.newsdesk.platform;

import java.util.List;

/**
 * One area's configuration (the platform's, mail's, comments' ...): a CDI bean with typed values, declaring
 * its {@link Setting}s once. {@link StartupChecks} reads every area's settings when Newsdesk starts and
 * refuses a value that cannot be used, naming the variable.
 */
public interface ConfigArea {

    /** Every setting of this area, in the order the README's table lists them. */
    List<Setting<?>> settings();
}
