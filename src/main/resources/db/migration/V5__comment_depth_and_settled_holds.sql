-- Two corrections to comments stored before the fix of issue 8.
--
-- 1. A reply to a comment at the deepest level was attached one level up with a depth of 1, whatever
--    its new parent's depth, so replies to it nested deeper than allowed. Each depth is recomputed from
--    the stored parents. Replies already attached deeper than NEWSDESK_COMMENT_MAX_DEPTH allows (a
--    setting this script cannot see) stay where readers have seen them; new replies to them join the
--    thread above.
CREATE TEMPORARY TABLE comment_tree AS
    WITH RECURSIVE tree (id, depth) AS (
        SELECT id, 0 FROM comment WHERE parent_id IS NULL
        UNION ALL
        SELECT c.id, t.depth + 1 FROM comment c JOIN tree t ON c.parent_id = t.id)
    SELECT id, depth FROM tree;

UPDATE comment c JOIN comment_tree t ON t.id = c.id SET c.depth = t.depth WHERE c.depth <> t.depth;

DROP TEMPORARY TABLE comment_tree;

-- 2. An approved comment kept the rule and reason that had held it, and the desk showed them as if it
--    were still held. Approving now clears them; the audit log keeps why each comment was held
--    (comment.submitted).
UPDATE comment SET held_by_rule = NULL, held_reason = NULL WHERE status = 'APPROVED' AND held_by_rule IS NOT NULL;
