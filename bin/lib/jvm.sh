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
#
# The other commands also run with the serial collector, which starts with less and does less
# work beside the program than G1 does, and with the compile thresholds tripled: fewer methods
# are worth compiling in a run this short. Side by side (docs/benchmarks.md, "JVM options"),
# the two together took jupyter's warm resolution from 380 to 345 ms, its cold one from 525 to
# 495 ms, and its warm install from 710 to 645 ms (medians). The initial heap is 4 % of the
# memory rather than 1.6 %: a sync of jupyter's lock allocates about 100 MB, just beyond the
# default young generation, and one collection of it took 43 ms; with the larger heap (only
# reserved until used) it runs without one (warm sync of jupyter's lock 590 -> 535 ms, of the
# 167 packages' lock 950 -> 860 ms, medians side by side).
# $axle_jvm_kind names the set, for bin/axle's class caches (one per set).
case ${axle_command-} in
  serve) axle_jvm_kind=server axle_jvm_options="-Xmx512m -Daxle.unpackProcess=true" ;;
  *) axle_jvm_kind=command axle_jvm_options="-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=3 -XX:+UseSerialGC -XX:InitialRAMPercentage=4 -Daxle.unpackProcess=true" ;;
esac
