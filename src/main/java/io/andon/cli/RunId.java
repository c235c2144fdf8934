package io.andon.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a RUN_ID argument, saying what a run id looks like when it is not one. */
final class RunId implements ITypeConverter<Long> {
  @Override
  public Long convert(String value) {
    try {
      long id = Long.parseLong(value.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new TypeConversionException(
        "'"
            + value
            + "' is not a run id: run ids are the numbers"
            + " in the first column of `andon runs list`, e.g. `andon runs show 12`");
  }
}
