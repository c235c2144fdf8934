package com.example.util;

public final class Text {
  private Text() {}

  public static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
