package io.andon.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code andon completion bash|zsh}: a shell script that completes andon's commands and options.
 */
@Command(
    name = "completion",
    description = {
      "Print a shell completion script for bash or zsh.",
      "bash: `source <(andon completion bash)` (or save it in ~/.local/share/bash-completion/completions/andon).",
      "zsh: `source <(andon completion zsh)` in ~/.zshrc."
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells the script works in. */
  enum Shell {
    bash,
    zsh
  }

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("andon", AndonCli.commandLine());
    var out = spec.commandLine().getOut();
    out.println("# andon completion for " + shell + ": source <(andon completion " + shell + ")");
    if (shell == Shell.zsh) {
      // the script below is bash's; zsh runs it through its bash-compatible completion
      out.println("autoload -U +X compinit && compinit");
      out.println("autoload -U +X bashcompinit && bashcompinit");
    }
    out.print(script);
    out.flush();
    return 0;
  }
}
