/**
 * What every feature stands on: the datasource and its migrations, configuration from the environment,
 * the JPA dialect choice for MySQL and MariaDB, faults and error pages, the page cache, and dates as the
 * site prints them. It uses no feature package ({@code PackageGraphTest}).
 */
package org.newsdesk.platform;
