package org.newsdesk.newsletter;

/** Where a subscription stands; only {@link #CONFIRMED} addresses get digests. */
public enum SubscriberStatus {
    /** Asked for, not confirmed: nothing but the confirmation is sent. */
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED,
    /** Its mail was refused for good (an SMTP 5xx): no longer mailed. */
    BOUNCED
}
