/**
 * The checks every reader's comment passes through before it is stored, after Apache Roller's comment
 * validators: small rules that each look at one thing and give a {@link org.newsdesk.comment.rules.Verdict}
 * with the reason, chained by {@link org.newsdesk.comment.rules.ModerationRules}, tuned by
 * {@link org.newsdesk.comment.rules.ModerationSettings}.
 */
package org.newsdesk.comment.rules;
