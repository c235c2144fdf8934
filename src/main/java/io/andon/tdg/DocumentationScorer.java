package io.andon.tdg;

import io.andon.tdg.docs.ReadmeScore;
import io.andon.tdg.source.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Documentation: the documented share of the public API, and the README. */
final class DocumentationScorer implements ComponentScorer {
  @Override
  public String name() {
    return "documentation";
  }

  @Override
  public Scored score(Inputs in) {
    List<SourceFile> parsed = in.parsed();
    ReadmeScore.Result readme = in.readme();
    int api = parsed.stream().mapToInt(SourceFile::publicApi).sum();
    int doc = parsed.stream().mapToInt(SourceFile::documented).sum();
    // each language's documented share, weighted by its lines
    OptionalDouble weighted =
        LanguageShares.weighted(in.languages(), TdgReport.LanguageResult::documentation);
    OptionalDouble share =
        weighted.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(weighted.getAsDouble() / 100);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("javadoc", Components.pct(share));
    m.put("public_api", api);
    m.put("documented", doc);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("file", readme.file().orElse(null));
    r.put("score", readme.score());
    Map<String, Boolean> parts = new LinkedHashMap<>();
    ReadmeScore.PARTS.forEach(p -> parts.put(p, readme.parts().getOrDefault(p, false)));
    r.put("parts", parts);
    r.put("missing", readme.missing());
    m.put("readme", r);
    return new Scored(
        Components.measured(name(), Scoring.documentation(share, readme.score() / 100), m));
  }
}
