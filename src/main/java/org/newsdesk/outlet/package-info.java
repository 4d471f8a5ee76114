/** The registry of outlets Newsdesk quotes: display name, home domain, credit style and excerpt policy. */
package org.newsdesk.outlet;
