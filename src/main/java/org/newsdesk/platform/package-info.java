/**
 * What every feature stands on: the datasource and its migrations, configuration from the environment,
 * the demo content loaded into an empty database, and the JPA dialect choice for MySQL and MariaDB.
 */
package org.newsdesk.platform;
