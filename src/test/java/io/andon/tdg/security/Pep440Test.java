package io.andon.tdg.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PEP 440 ordering and specifiers on tricky versions. Every expected value is what the reference
 * implementation, the {@code packaging} library 26.2, answers for the same input.
 */
class Pep440Test {

  private static Pep440 v(String text) {
    return Pep440.parse(text).orElseThrow(() -> new AssertionError("not PEP 440: " + text));
  }

  @ParameterizedTest(name = "{0} vs {1} = {2}")
  @CsvSource({
    "1.0, 1.0.0, 0", // trailing zeros do not count
    "1!0.5, 2.0, 1", // the epoch comes first
    "1.0.dev1, 1.0a1, -1", // the release's dev release is below its pre-releases
    "1.0a1, 1.0a2.dev1, -1",
    "1.0a2.dev1, 1.0a2, -1", // a dev release of a pre-release is below it
    "1.0a2, 1.0b1, -1",
    "1.0b1, 1.0rc1, -1",
    "1.0c1, 1.0rc1, 0", // c is rc
    "1.0rc1, 1.0, -1",
    "1.0, 1.0+local, -1", // a local version is above its public version
    "1.0+abc, 1.0+5, -1", // numeric local segments rank above words
    "1.0+abc.5, 1.0+abc.10, -1", // numerically
    "1.0+1, 1.0.post0.dev1, -1",
    "1.0.post1.dev1, 1.0.post1, -1",
    "1.0.post1, 1.0-2, -1", // 1.0-2 is the implicit post-release 1.0.post2
    "1.0.post1, 1.0.1, -1",
    "1.0-r3, 1.0.post3, 0", // r and rev spell post
    "1.0alpha1, 1.0a1, 0",
    "1.0.BETA.2, 1.0b2, 0", // case and separators are normalised
    "1.0preview3, 1.0rc3, 0",
    "v2.1, 2.1, 0", // a leading v is allowed
    "1.0.dev0, 1.0.dev1, -1",
    "1.0a1.dev1, 1.0a1, -1",
    "1.0, 1.0.post0.dev0, -1",
    "0.9.9, 1.0.dev0, -1",
    "1.10, 1.9, 1", // numbers, not strings
    "2.0.0rc1.post1, 2.0.0rc1, 1"
  })
  void versionsAreOrderedAsPep440Says(String a, String b, int expected) {
    assertThat(Integer.signum(v(a).compareTo(v(b)))).isEqualTo(expected);
    assertThat(Integer.signum(Versions.PEP440.compare(a, b))).isEqualTo(expected);
    assertThat(v(a).equals(v(b))).isEqualTo(expected == 0);
    if (expected == 0) {
      assertThat(v(a).hashCode()).isEqualTo(v(b).hashCode());
    }
  }

  @ParameterizedTest(name = "''{0}'' admits {1}: {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "==1.0.*; 1.0; true",
        "==1.0.*; 1.0.5; true",
        "==1.0.*; 1.01; false",
        "==1.0.*; 1.1; false",
        "==1.0.*; 1; true", // zero-padded
        "==1.0.*; 1.0.post1; true",
        "==1.0.*; 1.0rc1; true",
        "==1.0.0.*; 1.0; true",
        "!=1.0.*; 1.0.3; false",
        "!=1.0.*; 1.1; true",
        "~=1.4.2; 1.4.2; true", // >= 1.4.2, == 1.4.*
        "~=1.4.2; 1.4.9; true",
        "~=1.4.2; 1.5.0; false",
        "~=1.4.2; 1.4.1; false",
        "~=1.4; 1.9; true", // >= 1.4, == 1.*
        "~=1.4; 2.0; false",
        "~=2.2.post3; 2.2.post3; true",
        "~=2.2.post3; 2.3; true",
        "~=2.2.post3; 2.2; false",
        "~=1!1.4; 1!1.5; true",
        "~=1!1.4; 1.5; false", // another epoch
        "==1.0; 1.0.0; true",
        "==1.0; 1.0+local; true", // a local label is ignored unless the clause has one
        "==1.0+local; 1.0; false",
        "==1.0+local; 1.0+local; true",
        "<2.0; 2.0rc1; false", // < V excludes V's pre-releases
        "<2.0rc2; 2.0rc1; true",
        "<2.0; 1.9; true",
        ">1.7; 1.7.post1; false", // > V excludes V's post-releases
        ">1.7.post1; 1.7.post2; true",
        ">1.7; 1.7+local; false", // and V's local versions
        ">1.7; 1.8; true",
        "<=1.0; 1.0+local; true",
        ">=1.0; 1.0.dev1; false",
        ">=1.0; 2.0; true",
        ">=1.0,<2; 2.0b1; false",
        ">=1.0b1; 1.0b2; true",
        "===1.0; 1.0; true", // arbitrary equality is string equality
        "===1.0; 1.0.0; false",
        "==1!2.0; 2.0; false",
        "'' ; 3.0; true",
        "'' ; 3.0a1; true"
      })
  void specifiersAdmitVersionsAsPep440Says(String spec, String version, boolean expected) {
    assertThat(Pep440Specifiers.parse(spec).orElseThrow().admits(v(version))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' pins {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "==2.28.1; 2.28.1",
        "===2.28.1; 2.28.1",
        "==1.0.*; -",
        ">=2.0; -",
        "~=1.4.2; -",
        "==2.28.1,!=2.28.0; -",
        "'' ; -"
      })
  void onlyOneExactClausePinsAVersion(String spec, String pinned) {
    assertThat(Pep440Specifiers.parse(spec).orElseThrow().pinned().orElse("-")).isEqualTo(pinned);
  }

  @ParameterizedTest(name = "''{0}'' is not a specifier")
  @CsvSource(
      delimiter = ';',
      value = {"^1.2", ">=1.0.*", "~=1", "==1.0rc1.*", "1.0", ">=foo"})
  void invalidSpecifiersAreRejected(String spec) {
    assertThat(Pep440Specifiers.parse(spec)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is not a version")
  @CsvSource({"1.0-beta-x", "latest", "1..0", "*"})
  void invalidVersionsAreRejected(String text) {
    assertThat(Pep440.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0} is written {1}")
  @CsvSource({"1!2.0-RC1-3.DEV4+Ubuntu-01, 1!2.0rc1.post3.dev4+ubuntu.1", "v1.0alpha, 1.0a0"})
  void aVersionPrintsInItsNormalForm(String text, String normal) {
    assertThat(v(text)).hasToString(normal);
  }
}
