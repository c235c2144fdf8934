package io.andon.ui;

/**
 * What the layout around every page needs: the page's title, the section of the navigation it is
 * in, the visitor (for the CSRF token and the sign-in state), and whether reads need the token.
 */
public record Chrome(String title, Section section, Visitor visitor, boolean readsNeedToken) {
  /** The sections of the navigation. */
  public enum Section {
    JOBS("/jobs", "Jobs"),
    MONITORS("/monitors", "Monitors"),
    ALERTS("/alerts", "Alerts"),
    NONE("/", "");

    private final String path;
    private final String label;

    Section(String path, String label) {
      this.path = path;
      this.label = label;
    }

    public String path() {
      return path;
    }

    public String label() {
      return label;
    }
  }

  /** The sections shown in the navigation, in order. */
  public static java.util.List<Section> nav() {
    return java.util.List.of(Section.JOBS, Section.MONITORS, Section.ALERTS);
  }

  /** The CSRF token every form carries. */
  public String csrf() {
    return visitor.csrf();
  }
}
