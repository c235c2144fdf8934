/**
 * andon's web UI, served by {@code andon serve} on the service's own port and token:
 * server-rendered HTML from jte templates ({@code src/main/jte}, compiled to classes when andon is
 * built), one stylesheet with a light and a dark theme, and small scripts where live updates and
 * charts need them; every file comes from the jar (WebJars for dagre and Chart.js), nothing from
 * the internet.
 *
 * <p>{@link io.andon.ui.WebUi} receives every request under {@link io.andon.ui.WebUi#PREFIXES} and
 * {@code /}, finds its route in {@link io.andon.ui.UiRoutes} (paths with named parts, {@link
 * io.andon.ui.PathPattern}), applies the access rule of the route and writes the answer; errors
 * become an error page. Pages read and act through {@link io.andon.serve.LocalApi}, the Jobs API
 * called in-process (the same checks and messages as over HTTP), or through the store where a page
 * must be fast.
 *
 * <p>Security: the browser gets a session cookie (HttpOnly, SameSite=Strict); {@link
 * io.andon.ui.Sessions} makes each session's CSRF token, which every form carries. Reads need no
 * token on loopback, as for the API; beyond loopback every page needs a signed-in session. Every
 * change needs a signed-in session: the token is asked once (a dialog, or the sign-in page without
 * scripts) and kept until the browser closes.
 *
 * <p>To add a page: a class {@code FooPage} with a public {@code Model} record (the template's
 * data; the generated template classes live in another package, so what they read is public), a
 * {@code routes(UiRoutes)} method adding {@code page("/foo/{id}", ...)} and any {@code
 * action(...)}, and {@code src/main/jte/foo.jte} taking {@code Chrome chrome} and the model {@code
 * m} inside {@code @template.layout(chrome = chrome, content = @`...`)}; render it with {@link
 * io.andon.ui.Views#page}. Register the class in {@link io.andon.ui.WebUi}'s constructor, and its
 * top path in {@link io.andon.ui.WebUi#PREFIXES} when it is new. Show states with {@link
 * io.andon.ui.StateMark} (colour, icon and word), durations with {@link io.andon.ui.RunText}. Forms
 * that change something have class {@code mutation} and a hidden {@code csrf} field; the browser
 * test harness is {@code src/test/java/io/andon/ui/Browser.java}.
 */
package io.andon.ui;
