/**
 * Newsroom staff accounts: users, their roles, how their passwords are kept (PBKDF2), signing in, and
 * ending a session whose account changed under it.
 */
package org.newsdesk.account;
