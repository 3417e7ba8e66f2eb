#!/usr/bin/env bash
# Builds the javadl kernel and registers it with Jupyter as the kernelspec "java-dl".
#
#   ./install-kernel.sh                 # for the current user (~/.local/share/jupyter)
#   ./install-kernel.sh --prefix DIR    # into DIR/share/jupyter/kernels (JUPYTER_PATH=DIR/share/jupyter)
#   ./install-kernel.sh --sys-prefix    # into the system Python's prefix (/usr/share/jupyter/kernels)
#   ./install-kernel.sh --open          # then open the bundled notebooks in the classic Notebook
#
# Options: --name NAME, --display-name TEXT, --java-home DIR (or JAVA_HOME), --no-build (use the
# jar already in kernel/target; --jar FILE uses that jar), --no-cds (skip the start-up archive), --no-deps (never install
# Debian packages), --quiet. Running it twice is harmless: the kernelspec is replaced.
# JVM options for the kernel come from JAVADL_JVM_OPTS when the kernel starts.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
name=java-dl
display_name="Java (javadl)"
mode=user
prefix=""
build=1
cds=1
deps=1
quiet=0
open_notebooks=0
java_home="${JAVA_HOME:-}"
jar_override=""

say() { [ "$quiet" = 1 ] || echo "install-kernel: $*"; }
die() { echo "install-kernel: error: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --user) mode=user ;;
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; mode=prefix; prefix="$2"; shift ;;
    --prefix=*) mode=prefix; prefix="${1#--prefix=}" ;;
    --sys-prefix) mode=sys ;;
    --name) [ $# -ge 2 ] || die "--name needs a value"; name="$2"; shift ;;
    --display-name) [ $# -ge 2 ] || die "--display-name needs a value"; display_name="$2"; shift ;;
    --java-home) [ $# -ge 2 ] || die "--java-home needs a directory"; java_home="$2"; shift ;;
    --no-build) build=0 ;;
    --jar) [ $# -ge 2 ] || die "--jar needs a file"; jar_override="$2"; build=0; shift ;;
    --no-cds) cds=0 ;;
    --no-deps) deps=0 ;;
    --quiet|-q) quiet=1 ;;
    --open) open_notebooks=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

case "$name" in
  *[!a-zA-Z0-9._-]*|"") die "kernel name '$name' may only use letters, digits, '.', '_' and '-'" ;;
esac

# --- Java: 17 or newer -------------------------------------------------------------------------
if [ -n "$java_home" ]; then
  java="$java_home/bin/java"
  [ -x "$java" ] || die "no java at $java (check --java-home / JAVA_HOME)"
else
  java=$(command -v java || true)
  [ -n "$java" ] || die "no Java found. Install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME."
  java=$(readlink -f "$java")
fi
java_version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1)
java_major=${java_version%%.*}
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ] 2>/dev/null; then
  die "$java is Java ${java_version:-of unknown version}; javadl needs Java 17 or newer. Install openjdk-17-jdk-headless or point JAVA_HOME / --java-home at a newer JDK."
fi
"$java" --list-modules 2>/dev/null | grep -q '^jdk.jshell@' \
  || die "$java has no jdk.jshell module (a JRE?). Install a full JDK (Debian: openjdk-17-jdk-headless)."
say "using Java $java_version at $java"

# --- Jupyter: Debian's packages --------------------------------------------------------------------
if [ "$deps" = 1 ]; then
  "$here/scripts/debian-deps.sh" || die "Jupyter is missing (see the command above)"
fi

# --- Build ------------------------------------------------------------------------------------------
jar="${jar_override:-$here/kernel/target/javadl-kernel.jar}"
if [ "$build" = 1 ]; then
  command -v mvn >/dev/null 2>&1 || die "Maven is needed to build (Debian: apt-get install maven)"
  say "building with Maven (the first build downloads dependencies from Maven Central)"
  (cd "$here" && JAVA_HOME="$(dirname "$(dirname "$java")")" mvn -q -B package -DskipTests) \
    || die "the Maven build failed; run 'mvn package' to see why"
fi
[ -f "$jar" ] || die "$jar is missing: build it with 'mvn package -DskipTests' or drop --no-build"

# --- Where the kernelspec goes ------------------------------------------------------------------------
case "$mode" in
  user) data_dir="${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}" ;;
  prefix) mkdir -p "$prefix"; data_dir="$(cd "$prefix" && pwd)/share/jupyter" ;;
  sys) data_dir="$(/usr/bin/python3 -c 'import sys; print(sys.prefix)')/share/jupyter" ;;
esac
spec="$data_dir/kernels/$name"
staging="$spec.tmp.$$"
rm -rf "$staging"
mkdir -p "$staging"
trap 'rm -rf "$staging"' EXIT
cp "$jar" "$staging/javadl-kernel.jar"
[ -f "$here/kernel/src/main/resources/logo-64x64.png" ] && cp "$here/kernel/src/main/resources/logo-64x64.png" "$staging/"

# --- Start-up archive: classes of a short training session, mapped at start instead of loaded ----------
# JDK 25+: an AOT cache (JEP 483/514); JDK 17-24: a dynamic class-data-sharing archive. Each is tied
# to this jar path and this java binary, so it is made here, in the kernelspec directory.
# The same flags for training and for the kernel, so the archive matches what it is used with.
# C1 only: on two cores C2 compile threads slow start-up and early cells (measured: cold 1.5 s -> 4 s).
# -Xmn16m: a small young generation keeps resident memory after start at ~120 MiB instead of ~185.
jvm_flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn16m -Xss16m"
cds_opts=""
if [ "$cds" = 1 ]; then
  final_jar="$spec/javadl-kernel.jar"
  # Training must see the jar at its final path: install it first, then train in place.
  rm -rf "$spec"
  mv "$staging" "$spec"
  mkdir -p "$staging"
  if [ "$java_major" -ge 25 ]; then
    archive="$spec/javadl.aot"
    # shellcheck disable=SC2086
    if "$java" $jvm_flags -XX:AOTCacheOutput="$archive" -Xlog:aot=off -Xlog:cds=off -Djava.awt.headless=true \
         -jar "$final_jar" --train >/dev/null 2>&1 && [ -s "$archive" ]; then
      cds_opts="-XX:AOTCache=$archive -Xlog:aot=off -Xlog:cds=off"
    fi
  else
    archive="$spec/javadl.jsa"
    # shellcheck disable=SC2086
    if "$java" $jvm_flags -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Djava.awt.headless=true \
         -jar "$final_jar" --train >/dev/null 2>&1 && [ -s "$archive" ]; then
      cds_opts="-XX:SharedArchiveFile=$archive -Xlog:cds=off"
    fi
  fi
  if [ -n "$cds_opts" ]; then say "made a start-up archive ($(du -h "$archive" | cut -f1))"; else say "no start-up archive (the kernel still works, it starts slower)"; fi
  rm -rf "$staging"
  staging="$spec"
fi

# --- Launcher and kernel.json ----------------------------------------------------------------------------
# One JVM: the script execs java, so the kernel is the process Jupyter started and signals reach it.
cat > "$staging/launch.sh" <<EOF
#!/bin/sh
# Generated by javadl's install-kernel.sh. JVM options: JAVADL_JVM_OPTS (e.g. -Xmx4g).
dir=\$(cd "\$(dirname "\$0")" && pwd)
# shellcheck disable=SC2086
exec "$java" $jvm_flags $cds_opts \${JAVADL_JVM_OPTS:-} -Djava.awt.headless=true -jar "\$dir/javadl-kernel.jar" "\$@"
EOF
chmod +x "$staging/launch.sh"
json_escape() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }
cat > "$staging/kernel.json" <<EOF
{
  "argv": ["$(json_escape "$spec/launch.sh")", "{connection_file}"],
  "display_name": "$(json_escape "$display_name")",
  "language": "java",
  "interrupt_mode": "message",
  "env": {},
  "metadata": {"javadl": {"java": "$(json_escape "$java")", "java_version": "$java_version"}}
}
EOF
if [ "$staging" != "$spec" ]; then
  rm -rf "$spec"
  mkdir -p "$(dirname "$spec")"
  mv "$staging" "$spec"
fi
trap - EXIT
say "installed kernelspec '$name' (\"$display_name\") in $spec"
if [ "$mode" = prefix ]; then say "use it with: JUPYTER_PATH=$data_dir jupyter notebook"; fi

if [ "$open_notebooks" = 1 ]; then
  # The classic Notebook refuses to run as root unless told to; a user account needs nothing extra.
  root_flag=""
  [ "$(id -u)" = 0 ] && root_flag="--allow-root"
  if [ "$mode" = prefix ]; then export JUPYTER_PATH="$data_dir${JUPYTER_PATH:+:$JUPYTER_PATH}"; fi
  say "opening the notebooks (Ctrl-C twice to stop the server)"
  # shellcheck disable=SC2086
  exec jupyter notebook $root_flag --notebook-dir="$here/notebooks"
fi
