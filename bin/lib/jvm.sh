# shellcheck shell=sh disable=SC2034 # sets a variable for the script that sources it
# The JVM options bin/axle always passes (sourced by bin/axle and the benchmarks that time
# the JVM as bin/axle starts it).
#
# The quick compiler (C1) only: axle's commands run for about a second, too short for the
# optimizing compiler to pay back its compile time (an install of 303 wheels from a warm
# cache: 1.6 s with both compilers, 1.1 s with C1). The long work that needs the optimizing
# compiler, unpacking big wheels into the cache (SHA-256), goes to a second JVM with the
# default compilers: -Daxle.unpackProcess (UnpackProcess). AXLE_JAVA_OPTS can override both.
# `axle serve` runs for hours and serves many requests: it gets both compilers, and a heap
# of at most 512 MB (uploads stream to disk and pages are kept up to 64 MB, so that bounds
# the server; the JVM would otherwise grow its heap towards a quarter of the machine's
# memory under load). The command is $axle_command (the first argument), when the sourcing
# script sets it.
case ${axle_command-} in
  serve) axle_jvm_options="-Xmx512m -Daxle.unpackProcess=true" ;;
  *) axle_jvm_options="-XX:TieredStopAtLevel=1 -Daxle.unpackProcess=true" ;;
esac
