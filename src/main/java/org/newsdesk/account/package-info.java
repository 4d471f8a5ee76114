/** Newsroom staff accounts: users, their roles, and how their passwords are kept (PBKDF2). */
package org.newsdesk.account;
