// Rule: for, for-each, while and do-while each add 1 plus their nesting level, and nest.
class Loops {
  // for +1; while nested +2; do nested twice +3 = 6. Cyclomatic 1 + 3 = 4.
  // expect loops cognitive=6 cyclomatic=4 nesting=3
  int loops(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
      int j = i;
      while (j > 0) {
        do {
          s++;
        } while (s < 0);
        j--;
      }
    }
    return s;
  }

  // for-each +1. Cyclomatic 2.
  // expect each cognitive=1 cyclomatic=2 nesting=1
  int each(int[] xs) {
    int s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }
}
