/**
 * The daily digest's readers: addresses subscribed without an account (double opt-in, signed links to confirm,
 * choose sections and leave), and the mail outbox every newsletter mail goes through, worked once per cluster.
 */
package org.newsdesk.newsletter;
