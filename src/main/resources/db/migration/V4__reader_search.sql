-- Reader search: words in a post's headline, or in any of its excerpts' deks and paragraphs.
ALTER TABLE post ADD FULLTEXT INDEX ft_post_headline (headline);
ALTER TABLE excerpt ADD FULLTEXT INDEX ft_excerpt_text (dek, body);
