-- Failed sign-ins are slowed down rather than answered with a lock (issue 9). They are counted per client
-- address and per username typed, whether or not an account has that name, so the delays say nothing
-- about which accounts exist. `subject` is 'address:<ip>' or 'account:<username>'.
CREATE TABLE signin_throttle (
    subject      VARCHAR(200) NOT NULL PRIMARY KEY,
    failures     INT          NOT NULL DEFAULT 0,
    last_failure DATETIME     NULL,
    not_before   DATETIME     NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where the account last signed in from: the account's own delay does not apply there, so an attacker
-- guessing elsewhere does not keep its owner out.
ALTER TABLE users ADD COLUMN last_signin_address VARCHAR(45) NULL;
