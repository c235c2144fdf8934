// The two methods the SonarSource specification uses to compare cyclomatic and cognitive
// complexity (section "Intuitively 'right' complexity scores"), with its numbers.
class SpecExamples {
  // Specification: cognitive 7 (for +1, for +2, if +3, continue OUTER +1).
  // Cyclomatic: 1 + 2 fors + 1 if = 4 (the specification gives 4 too).
  // expect sumOfPrimes cognitive=7 cyclomatic=4 nesting=3
  int sumOfPrimes(int max) {
    int total = 0;
    OUT:
    for (int i = 1; i <= max; ++i) {
      for (int j = 2; j < i; ++j) {
        if (i % j == 0) {
          continue OUT;
        }
      }
      total += i;
    }
    return total;
  }

  // Specification: cognitive 1 (one switch); cyclomatic 4 (1 + 3 case labels).
  // expect getWords cognitive=1 cyclomatic=4 nesting=1
  String getWords(int number) {
    switch (number) {
      case 1:
        return "one";
      case 2:
        return "a couple";
      case 3:
        return "a few";
      default:
        return "lots";
    }
  }
}
