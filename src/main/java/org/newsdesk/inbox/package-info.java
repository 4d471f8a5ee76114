/**
 * The source inbox: outlets' feeds read politely in the background, their articles kept once each and grouped
 * by story across outlets, and the desk's reading, starring, watching, nominating and quoting of them.
 */
package org.newsdesk.inbox;
