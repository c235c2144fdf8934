// Rule: break or continue to a label adds 1 (a "goto"); plain break/continue add nothing.
class Jumps {
  // outer for +1; inner for +2; if +3; continue outer +1; plain break 0 = 7.
  // Cyclomatic 1 + 2 fors + 1 if = 4.
  // expect find cognitive=7 cyclomatic=4 nesting=3
  int find(int[][] grid) {
    int found = 0;
    outer:
    for (int[] row : grid) {
      for (int v : row) {
        if (v < 0) {
          continue outer;
        }
        found++;
        break;
      }
    }
    return found;
  }
}
