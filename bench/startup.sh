#!/bin/sh
# Measures how fast bin/axle starts, against pip, and what each JVM option is worth
# (docs/benchmarks.md, "Startup"). Needs hyperfine (apt-get install -y hyperfine) and pip.
# Writes markdown tables to bench/target/startup-*.md.
set -eu
cd "$(dirname "$0")/.."

# shellcheck source=SCRIPTDIR/lib.sh
. bench/lib.sh # java, jar, axle_jvm_options; builds and trains the class cache when needed
# What bin/axle itself runs on JDK 25, to show what the script around it costs.
direct="$java -Xlog:aot*=off,cds*=off -XX:AOTCache=$PWD/axle-cli/target/axle/aot/java-$axle_version.aot"
direct="$direct $axle_jvm_options -jar $jar"
out=bench/target
caches=$out/startup-caches
rm -rf "$caches"
mkdir -p "$caches"

# Caches for the JVM option table, each trained on --help with its options (bin/axle's own
# is trained on real commands: axle train-class-cache).
"$java" -XX:AOTCacheOutput="$caches/g1.aot" -jar "$jar" --help >/dev/null 2>&1
"$java" -XX:+UseSerialGC -XX:AOTCacheOutput="$caches/serial.aot" -jar "$jar" --help >/dev/null 2>&1
"$java" -XX:-UsePerfData -XX:AOTCacheOutput="$caches/noperf.aot" -jar "$jar" --help >/dev/null 2>&1
"$java" -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$caches/dynamic.jsa" -jar "$jar" --help >/dev/null 2>&1

hyperfine -N --warmup 5 --runs 40 --export-markdown "$out/startup-launcher.md" \
  -n 'pip --version' 'env PIP_CONFIG_FILE=/dev/null pip --isolated --version' \
  -n 'bin/axle --version' 'bin/axle --version' \
  -n 'bin/axle --help' 'bin/axle --help' \
  -n "java (bin/axle's options) --version" "$direct --version" \
  -n "java (bin/axle's options) --help" "$direct --help"

for args in --version --help; do
  hyperfine -N --warmup 5 --runs 30 --export-markdown "$out/startup-jvm$args.md" \
    -n "java -jar axle.jar $args" "$java -jar $jar $args" \
    -n "+ AOT cache" "$java -XX:AOTCache=$caches/g1.aot -jar $jar $args" \
    -n "+ AOT cache, UseSerialGC" "$java -XX:+UseSerialGC -XX:AOTCache=$caches/serial.aot -jar $jar $args" \
    -n "+ AOT cache, -UsePerfData" "$java -XX:-UsePerfData -XX:AOTCache=$caches/noperf.aot -jar $jar $args" \
    -n "+ dynamic CDS archive" "$java -XX:SharedArchiveFile=$caches/dynamic.jsa -jar $jar $args" \
    -n "+ AOT cache, bin/axle options ($axle_jvm_options)" "$java $axle_jvm_options -XX:AOTCache=$caches/serial.aot -jar $jar $args" \
    -n "Xshare:off (no class sharing)" "$java -Xshare:off -jar $jar $args"
done
