package org.newsdesk.inbox;

/** Where a writer's nomination of an article stands. */
public enum NominationStatus {
    OPEN, ACCEPTED, DECLINED
}
