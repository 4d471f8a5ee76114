/** The audit log: who did what to which object, and when (sign-ins, workflow steps, moderation). */
package org.newsdesk.audit;
