-- Comments a page at a time, at a cost flat in their number (issue 10).
--
-- 1. Each reply names its thread: the top-level comment it hangs under (NULL on a top-level comment,
--    which is its own thread). A page of threads is then the page's top-level comments, read from an index,
--    and everything whose thread is one of them, read from another.
ALTER TABLE comment
    ADD COLUMN thread_id BIGINT NULL AFTER parent_id,
    ADD INDEX ix_comment_thread (post_id, thread_id, status),
    ADD INDEX ix_comment_roots (post_id, status, hidden_by_reports, parent_id, id);

CREATE TEMPORARY TABLE comment_thread AS
    WITH RECURSIVE tree (id, root) AS (
        SELECT id, id FROM comment WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, t.root FROM comment c JOIN tree t ON c.parent_id = t.id)
    SELECT id, root FROM tree;

UPDATE comment c JOIN comment_thread t ON t.id = c.id SET c.thread_id = t.root WHERE c.parent_id IS NOT NULL;

DROP TEMPORARY TABLE comment_thread;

-- 2. How many comments readers see under each post, and how many threads: counted when a comment is
--    approved, hidden or removed (CommentCounts), read with the post, never counted per page view.
CREATE TABLE comment_count (
    post_id BIGINT NOT NULL PRIMARY KEY,
    shown   INT    NOT NULL,
    threads INT    NOT NULL,
    CONSTRAINT fk_comment_count_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO comment_count (post_id, shown, threads)
    SELECT post_id, COUNT(*), SUM(parent_id IS NULL) FROM comment
    WHERE status = 'APPROVED' AND hidden_by_reports = FALSE GROUP BY post_id;
