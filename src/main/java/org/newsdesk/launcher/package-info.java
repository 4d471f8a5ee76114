/**
 * The run command's launcher, not part of the WAR: starts the embedded MariaDB (unless a database is
 * configured) and boots Payara Micro with Newsdesk in the same JVM ({@link org.newsdesk.launcher.Newsdesk}),
 * with the server options the tests' extra instances use too ({@link org.newsdesk.launcher.LocalServer}).
 */
package org.newsdesk.launcher;
