package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "**/src/test/**, src/test/java/A.java, true",
    "**/src/test/**, mod/src/test/java/A.java, true",
    "**/src/test/**, src/main/java/A.java, false",
    "**/target/**, target/x/A.java, true",
    "**/.*/**, .git/x/A.java, true",
    "**/.*/**, a/.hidden/A.java, true",
    "**/.*/**, src/A.java, false",
    "legacy/*.java, legacy/A.java, true",
    "legacy/*.java, legacy/sub/A.java, false",
    "**/*Generated?.java, a/b/FooGenerated1.java, true",
    "src/**/gen/**, src/main/gen/A.java, true",
    "src/**/gen/**, src/gen/A.java, true"
  })
  void globsMatchRelativePaths(String glob, String path, boolean matches) {
    assertThat(new Glob(List.of(glob)).matches(path)).isEqualTo(matches);
  }
}
