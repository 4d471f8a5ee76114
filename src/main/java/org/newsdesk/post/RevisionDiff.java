package org.newsdesk.post;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two revisions, line by line (longest common subsequence): each line is kept,
 * removed or added.
 *
 * <pre>
 * RevisionDiff.between(List.of("a", "b"), List.of("a", "c")) // [= a, - b, + c]
 * </pre>
 */
public final class RevisionDiff {

    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {

        public String getCssClass() {
            return kind.name().toLowerCase();
        }

        public String getMark() {
            return switch (kind) {
                case SAME -> " ";
                case REMOVED -> "−";
                case ADDED -> "+";
            };
        }
    }

    private RevisionDiff() {
    }

    public static List<Line> between(List<String> before, List<String> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j))
                        ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (before.get(i).equals(after.get(j))) {
                lines.add(new Line(Kind.SAME, before.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                lines.add(new Line(Kind.REMOVED, before.get(i++)));
            } else {
                lines.add(new Line(Kind.ADDED, after.get(j++)));
            }
        }
        while (i < n) {
            lines.add(new Line(Kind.REMOVED, before.get(i++)));
        }
        while (j < m) {
            lines.add(new Line(Kind.ADDED, after.get(j++)));
        }
        return lines;
    }
}
