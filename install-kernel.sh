#!/usr/bin/env bash
# Builds the javadl kernel, makes sure there is a JupyterLab 4 and registers the kernel with it as "java-dl".
#
#   ./install-kernel.sh --open          # set up, then open JupyterLab on notebooks/ (the README's first command)
#   ./install-kernel.sh                 # set up only
#   ./install-kernel.sh --classic --open  # the classic Notebook from Debian's packages instead
#   ./install-kernel.sh --prefix DIR    # only write the kernelspec into DIR/share/jupyter/kernels
#   ./install-kernel.sh --user | --sys-prefix   # into ~/.local/share/jupyter | the front end's Python prefix
#
# JupyterLab: a jupyter-lab >= 4 on PATH (pip, conda) is used as it is and the kernel goes to the user's
# Jupyter directory; otherwise scripts/python-env.sh makes .venv (pinned JupyterLab 4, Notebook 7, from
# the configured pip index, no root) and the kernel goes into .venv/share/jupyter. --open -- ARGS passes
# ARGS to the server (e.g. --port=8899); --no-browser starts it without a browser (also when there is no
# display); with CI=true --open only prints the command. Other options: --name NAME, --display-name TEXT,
# --java-home DIR (or JAVA_HOME), --no-build (use the jar in kernel/target; --jar FILE uses that jar),
# --no-cds (no start-up archive), --no-deps (install no Jupyter), --quiet, --no-vector-api (the JVM
# without jdk.incubator.vector: less CPU to start on JDK 25, slower large matmuls). Running it twice is
# harmless: the kernelspec is replaced, an unchanged start-up archive and Python environment are kept.
# JVM options for the kernel come from JAVADL_JVM_OPTS when the kernel starts.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
name=java-dl
display_name="Java (javadl)"
mode=""          # user | prefix | sys; empty: chosen from the front end below
prefix=""
frontend=lab     # lab | classic
no_browser=0
server_args=()
build=1
cds=1
vector_api=1
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
    --no-vector-api) vector_api=0 ;;
    --no-deps) deps=0 ;;
    --quiet|-q) quiet=1 ;;
    --open) open_notebooks=1 ;;
    --classic) frontend=classic ;;
    --no-browser) no_browser=1 ;;
    --) shift; server_args=("$@"); break ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
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

# --- Jupyter front end: an existing JupyterLab 4, the project's .venv, or Debian's classic Notebook ----
# jupyter_py is the Python that runs the chosen front end (its prefix is where --sys-prefix installs);
# open_cmd starts it. --prefix without --open needs no front end: the caller says where Jupyter looks.
jupyter_py=""
open_cmd=()
lab_major() { "$@" --version 2>/dev/null | sed -n 's/^\([0-9][0-9]*\)\..*/\1/p' | head -n1; }
if [ "$deps" = 0 ] || { [ "$mode" = prefix ] && [ "$open_notebooks" = 0 ]; }; then
  if [ "$frontend" = classic ]; then open_cmd=(jupyter notebook); else open_cmd=(jupyter lab); fi
elif [ "$frontend" = classic ]; then
  "$here/scripts/debian-deps.sh" || die "Jupyter is missing (see the command above)"
  jupyter_py=/usr/bin/python3
  open_cmd=(/usr/bin/python3 -m notebook)
  mode="${mode:-user}"
else
  existing=$(command -v jupyter-lab || true)
  venv="${JAVADL_VENV:-$here/.venv}"
  major=""
  if [ -n "$existing" ] && [ "$(dirname "$existing")" != "$venv/bin" ]; then major=$(lab_major "$existing"); fi
  if [ -n "$major" ] && [ "$major" -ge 4 ]; then
    say "using the JupyterLab $("$existing" --version 2>/dev/null) at $existing"
    open_cmd=("$existing")
    # Its Python, for --sys-prefix: the interpreter named on the script's #! line.
    jupyter_py=$(head -n1 "$existing" | sed -n 's/^#! *\([^ ]*python[^ ]*\).*/\1/p')
    mode="${mode:-user}"
  else
    [ -z "$existing" ] || say "$existing is not JupyterLab 4 or newer: using the project's own environment"
    say "setting up JupyterLab 4 in ${venv} (scripts/python-env.sh)"
    JAVADL_VENV="$venv" "$here/scripts/python-env.sh" >/dev/null || die "could not set up JupyterLab (see the message above)"
    jupyter_py="$venv/bin/python"
    if [ -x "$venv/bin/jupyter-lab" ]; then open_cmd=("$venv/bin/jupyter-lab"); else open_cmd=("$jupyter_py" -m jupyterlab); fi
    # A kernel installed into the environment goes away with it (rm -r .venv) and touches no other Jupyter.
    mode="${mode:-sys}"
  fi
fi
mode="${mode:-user}"

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
  sys)
    [ -n "$jupyter_py" ] && [ -x "$jupyter_py" ] || jupyter_py=/usr/bin/python3
    data_dir="$("$jupyter_py" -c 'import sys; print(sys.prefix)')/share/jupyter" ;;
esac
spec="$data_dir/kernels/$name"
staging="$spec.tmp.$$"
rm -rf "$staging"
mkdir -p "$staging"
trap 'rm -rf "$staging"' EXIT
cp "$jar" "$staging/javadl-kernel.jar"
# The Launcher shows a kernel's card with its logo (drawn by scripts/DrawLogo.java).
for logo in logo-64x64.png logo-32x32.png logo-svg.svg; do
  if [ -f "$here/kernel/kernelspec/$logo" ]; then cp "$here/kernel/kernelspec/$logo" "$staging/"; fi
done
# Which methods C2 may compile (see jit_flags below).
cp "$here/kernel/kernelspec/jit-directives.json" "$staging/" || die "kernel/kernelspec/jit-directives.json is missing"

# --- Start-up archive: classes of a short training session, mapped at start instead of loaded ----------
# JDK 25+: an AOT cache (JEP 483/514); JDK 17-24: a dynamic class-data-sharing archive. Each is tied
# to this jar path and this java binary, so it is made here, in the kernelspec directory.
# The same flags for training and for the kernel, so the archive matches what it is used with.
# -Xmn16m: a small young generation keeps resident memory after start at ~120 MiB instead of ~185.
jvm_flags="-XX:+UseSerialGC -Xmn16m -Xss16m"
# JIT: C2 only for the library and the code of cells, C1 for everything else (javac, JShell, the kernel, the
# JDK), which kernel/kernelspec/jit-directives.json says. On two cores C2 compiling javac made start-up and
# early cells much slower (cold 1.5 s -> 4 s), hence C1 only (-XX:TieredStopAtLevel=1) before; but that kept
# the library's loops at C1, 3-9x slower than C2 (matmul, convolutions). With tiered compilation HotSpot
# compiles a hot method first with C1 *with profiling* (tier 3), then with C2; for the methods kept from C2
# that meant slower code and a second C1 compile (measured: +0.14 s CPU to the first reply, +25% CPU per
# warm cell). Tier-3 thresholds out of reach and profiling in the interpreter from the start make HotSpot go
# from the interpreter straight to "C2", which for those methods becomes plain C1 (tier 1, as before) and for
# the library C2; the Tier4 thresholds are the ones tier 1 was reached with before (HotSpot's Tier3 defaults).
# JAVADL_JVM_OPTS=-XX:TieredStopAtLevel=1 brings back C1 only.
jit_flags="-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=$spec/jit-directives.json"
jit_flags="$jit_flags -XX:Tier0ProfilingStartPercentage=0 -XX:Tier3InvocationThreshold=100000000"
jit_flags="$jit_flags -XX:Tier3MinInvocationThreshold=100000000 -XX:Tier3CompileThreshold=100000000"
jit_flags="$jit_flags -XX:Tier3BackEdgeThreshold=100000000 -XX:Tier4InvocationThreshold=200"
jit_flags="$jit_flags -XX:Tier4MinInvocationThreshold=100 -XX:Tier4CompileThreshold=2000 -XX:Tier4BackEdgeThreshold=60000"
jvm_flags="$jvm_flags $jit_flags"
# The Vector API (incubator module) for the library's matrix products: org.javadl.tensor.VectorGemm, about 2x
# faster matmul and conv2d forward than the plain-Java loops it replaces (BENCHMARKS.md, issue 12). The JVM
# then warns "WARNING: Using incubator modules: jdk.incubator.vector" on stderr at start; launch.sh filters
# that one line so that it does not land in a jupyter console user's terminal.
# The price is start-up CPU on JDK 25: the JDK archives no boot layer when an incubator module is in it,
# so the AOT cache has no module graph, no archived heap and hence no ahead-of-time linked classes and
# lambdas (to the first reply ~650 classes loaded from outside the cache, ~110 of them spun at run time,
# instead of ~110 and ~40). Measured: CPU to the first reply -35% on JDK 25 without the module, no change
# on JDK 17, whose archive keeps no heap with SerialGC anyway (BENCHMARKS.md, issue 15). --no-vector-api
# makes that trade the other way: a cheaper start on JDK 25, and MatMul's plain-Java kernel (in a kernel,
# matmul 512x512 took 16-30% more CPU; the hw001 conv net was no slower). For hosts of many short sessions.
if [ "$vector_api" = 1 ]; then
  jvm_flags="$jvm_flags --add-modules jdk.incubator.vector"
fi
# Two of the kernel's JShell patches replace final fields (engine/internals/Reflect.replaceFinal): JDK 26+
# (JEP 500) warns about that, and a later release refuses it, unless final-field mutation is enabled. A JDK
# that does not know the option refuses to start with it, so it is passed only where the JDK accepts it.
if "$java" --enable-final-field-mutation=ALL-UNNAMED -version >/dev/null 2>&1; then
  jvm_flags="$jvm_flags --enable-final-field-mutation=ALL-UNNAMED"
fi
cds_opts=""
if [ "$cds" = 1 ]; then
  final_jar="$spec/javadl-kernel.jar"
  if [ "$java_major" -ge 25 ]; then
    archive_file=javadl.aot
    train_opts="-XX:AOTCacheOutput=$spec/$archive_file -Xlog:aot=off -Xlog:cds=off"
    # No method profiles in the cache (JEP 515): replayed, they had C1 compile at start what the training
    # session had made hot, 0.25 s of C1 CPU instead of 0.14 s before the first reply (0.70 -> 0.60 s in
    # all), for no gain after 400 warm cells. A diagnostic flag, so only where this JDK accepts it.
    if "$java" -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -version >/dev/null 2>&1; then
      train_opts="$train_opts -XX:-AOTRecordTraining"
    fi
    use_opts="-XX:AOTCache=$spec/$archive_file -Xlog:aot=off -Xlog:cds=off"
  else
    archive_file=javadl.jsa
    train_opts="-XX:ArchiveClassesAtExit=$spec/$archive_file -Xlog:cds=off"
    use_opts="-XX:SharedArchiveFile=$spec/$archive_file -Xlog:cds=off"
  fi
  archive="$spec/$archive_file"
  # A second install of the same jar with the same java keeps the archive it made before (training
  # takes seconds): the key names everything the archive depends on.
  key="$java $java_version $jvm_flags $train_opts $(sha256sum < "$staging/javadl-kernel.jar" | cut -d' ' -f1)"
  reused=0
  if [ -s "$archive" ] && [ "$(cat "$spec/.archive-key" 2>/dev/null)" = "$key" ]; then
    # The JVM checks the jar's size and modification time against the archive: keep the old jar file too.
    mv "$archive" "$staging/$archive_file"
    mv "$final_jar" "$staging/javadl-kernel.jar"
    reused=1
  fi
  printf '%s\n' "$key" > "$staging/.archive-key"
  # Training must see the jar at its final path: install it first, then train in place.
  rm -rf "$spec"
  mv "$staging" "$spec"
  mkdir -p "$staging"
  if [ "$reused" = 1 ]; then
    cds_opts="$use_opts"
    say "kept the start-up archive of the previous install (same jar, same Java)"
  else
    # shellcheck disable=SC2086
    if "$java" $jvm_flags $train_opts -Djava.awt.headless=true -jar "$final_jar" --train >/dev/null 2>&1 \
         && [ -s "$archive" ]; then
      cds_opts="$use_opts"
    fi
    if [ -n "$cds_opts" ]; then say "made a start-up archive ($(du -h "$archive" | cut -f1))"; else say "no start-up archive (the kernel still works, it starts slower)"; fi
  fi
  rm -rf "$staging"
  staging="$spec"
fi

# --- Launcher and kernel.json ----------------------------------------------------------------------------
# One JVM: the script execs java, so the kernel is the process Jupyter started and signals reach it.
cat > "$staging/launch.sh" <<EOF
#!/bin/bash
# Generated by javadl's install-kernel.sh. JVM options: JAVADL_JVM_OPTS (e.g. -Xmx4g).
dir=\$(cd "\$(dirname "\$0")" && pwd)
# shellcheck disable=SC2086
# The filter ignores SIGINT (Jupyter interrupts the process group) and ends when the kernel closes stderr.
exec 2> >(trap '' INT; exec grep --line-buffered -v '^WARNING: Using incubator modules: jdk.incubator.vector\$' >&2)
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

# Another java-dl earlier on that Jupyter's path (jupyter_core 5 looks in its own environment before
# ~/.local when it runs in a venv or conda) would be the one it starts: say so instead of hiding it.
if [ "$mode" != prefix ] && [ -n "$jupyter_py" ] && [ -x "$jupyter_py" ]; then
  found=$(env -u JUPYTER_PATH "$jupyter_py" -c 'import sys
from jupyter_client.kernelspec import KernelSpecManager
print(KernelSpecManager().find_kernel_specs().get(sys.argv[1], ""))' "$name" 2>/dev/null || true)
  if [ -n "$found" ] && [ "$(cd "$found" && pwd -P)" != "$(cd "$spec" && pwd -P)" ]; then
    echo "install-kernel: warning: $jupyter_py's Jupyter finds another '$name' first, in $found;" \
         "remove it (rm -r $found) or install there with --sys-prefix" >&2
  fi
fi
if [ "$mode" = sys ] && [ -n "$jupyter_py" ] && [ "$jupyter_py" != /usr/bin/python3 ]; then
  say "JupyterLab from $(dirname "$jupyter_py") finds it; start it with: ${open_cmd[*]}"
fi

if [ "$open_notebooks" = 1 ]; then
  if [ "$mode" = prefix ]; then export JUPYTER_PATH="$data_dir${JUPYTER_PATH:+:$JUPYTER_PATH}"; fi
  args=()
  # The Notebook and JupyterLab refuse to run as root unless told to; a user account needs nothing extra.
  if [ "$(id -u)" = 0 ]; then args+=(--allow-root); fi
  if [ "$no_browser" = 1 ] || { [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" != Darwin ]; }; then
    args+=(--no-browser)
    say "no browser is opened from here: open the http://localhost:... address printed below in one"
  fi
  if [ "$frontend" = classic ]; then
    args+=(--notebook-dir="$here/notebooks"); what="the classic Notebook"
  else
    args+=(--ServerApp.root_dir="$here/notebooks"); what="JupyterLab"
  fi
  if [ "${CI:-}" = true ]; then
    # A server runs until Ctrl-C: in CI nothing would ever stop it.
    say "CI=true: not starting $what; it would be: ${open_cmd[*]} ${args[*]} ${server_args[*]}"
    exit 0
  fi
  say "opening notebooks/ in $what (Ctrl-C twice stops the server): ${open_cmd[*]}"
  exec "${open_cmd[@]}" "${args[@]}" "${server_args[@]}"
fi
