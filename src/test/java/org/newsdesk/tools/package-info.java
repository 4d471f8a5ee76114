/** Tools for benchmarks and fault tests: the comment benchmark's client and a TCP relay that cuts or freezes the database. */
package org.newsdesk.tools;
