"""The example's package: built into a wheel by the bundle's artifact, run by publish."""
