package io.andon.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Handlers for operating-system signals (INT, TERM) while a command runs, restored on close.
 *
 * <p>The JDK's only way to handle a signal is {@code sun.misc.Signal} (module jdk.unsupported,
 * exported to everyone). It is reached by reflection here because javac warns on every direct use
 * of it, that warning cannot be suppressed, and the build treats warnings as errors.
 */
final class Signals implements AutoCloseable {
  private record Installed(Object signal, Object previous) {}

  private final Method handle;
  private final List<Installed> installed = new ArrayList<>();

  private Signals(Method handle) {
    this.handle = handle;
  }

  /**
   * Calls {@code handler} on each of the named signals until closed. A signal this platform does
   * not offer is skipped, as are all of them where the JDK has no signal support.
   */
  static Signals install(Runnable handler, String... names) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Constructor<?> newSignal = signalClass.getConstructor(String.class);
      Signals signals = new Signals(signalClass.getMethod("handle", signalClass, handlerClass));
      Object proxy =
          Proxy.newProxyInstance(
              Signals.class.getClassLoader(),
              new Class<?>[] {handlerClass},
              (self, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      handler.run();
                      yield null;
                    }
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> "andon signal handler";
                  });
      for (String name : names) {
        signals.handle(newSignal, name, proxy);
      }
      return signals;
    } catch (ReflectiveOperationException e) {
      return new Signals(null);
    }
  }

  private void handle(Constructor<?> newSignal, String name, Object proxy)
      throws ReflectiveOperationException {
    try {
      Object signal = newSignal.newInstance(name);
      installed.add(new Installed(signal, handle.invoke(null, signal, proxy)));
    } catch (InvocationTargetException e) {
      if (!(e.getCause() instanceof IllegalArgumentException)) {
        throw e;
      }
      // this signal is not available here: run without it
    }
  }

  /** Puts back the handlers that were there before. */
  @Override
  public void close() {
    for (Installed i : installed) {
      try {
        handle.invoke(null, i.signal(), i.previous());
      } catch (ReflectiveOperationException e) {
        // the previous handler cannot be put back: the process is ending its command anyway
      }
    }
    installed.clear();
  }
}
