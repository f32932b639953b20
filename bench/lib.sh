# shellcheck shell=sh disable=SC2034 # sets variables for the script that sources it
# Shared by the benchmark scripts that run the JVM directly: builds axle if needed (through
# bin/axle, which also trains its class cache), then sets java, jar and axle_jvm_options
# (bin/lib/jvm.sh) as bin/axle uses them. Source it from the repository root.
bin/axle --version >/dev/null
# shellcheck source=SCRIPTDIR/../bin/lib/jdk.sh
. bin/lib/jdk.sh
# shellcheck source=SCRIPTDIR/../bin/lib/jvm.sh
. bin/lib/jvm.sh
java_home=$(axle_find_jdk)
axle_jdk_read_major "$java_home"
java=$java_home/bin/java
jar=$PWD/axle-cli/target/axle/axle.jar
