package com.example;

/** Integer arithmetic. */
public class Calc {
  /** Divides, returning 0 for a zero divisor. */
  public int div(int a, int b) {
    if (b == 0) {
      return 0;
    }
    return a / b;
  }

  public int sign(int a) {
    return a > 0 ? 1 : a < 0 ? -1 : 0;
  }
}
