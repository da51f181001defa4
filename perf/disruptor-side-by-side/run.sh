#!/usr/bin/env bash
# Our ring and Disruptor-net side by side, in one process, on this machine (see README.md here).
#
#   perf/disruptor-side-by-side/run.sh [--commit SHA] [--rounds N] [--seconds S] [--scenarios a,b,...]
#
# 1. Extracts Disruptor-net's src/Disruptor at SHA (default: the mirror's HEAD) into a temporary folder outside the
#    repository, from the local mirror ($DISRUPTOR_MIRROR) or, when that is absent, from a bare clone of GitHub.
# 2. Replaces the InlineIL method bodies with ours (replacements/), drops the Fody package references and builds the
#    library for net10.0 Release.
# 3. Builds harness/ against it and runs every scenario on both rings, alternating, printing one line per scenario.
# Everything else is passed to the harness. Nothing is written inside the repository but harness/bin and harness/obj.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mirror="${DISRUPTOR_MIRROR:-/work/.mirror/disruptor-net+Disruptor-net/repo}"
upstream="https://github.com/disruptor-net/Disruptor-net.git"

commit=""
harness_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --commit) [[ $# -ge 2 ]] || { echo "--commit needs a value" >&2; exit 2; }; commit="$2"; shift 2 ;;
    *) harness_args+=("$1"); shift ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/disruptor-side-by-side.XXXXXX")"
case "$work/" in "$repo"/*) echo "temporary folder $work is inside the repository" >&2; exit 1 ;; esac
trap 'rm -rf "$work"' EXIT

# (a) The source, at a pinned commit.
if git --git-dir="$mirror" rev-parse --git-dir >/dev/null 2>&1; then
  source="$mirror"
else
  echo "mirror $mirror not found: cloning $upstream"
  git clone --quiet --bare "$upstream" "$work/Disruptor-net.git"
  source="$work/Disruptor-net.git"
fi
sha="$(git --git-dir="$source" rev-parse --verify "${commit:-HEAD}^{commit}")"
echo "Disruptor-net commit $sha ($(git --git-dir="$source" log -1 --format='%cs %s' "$sha")) from $source"
files=(src/Disruptor)
git --git-dir="$source" cat-file -e "$sha:src/Disruptor.snk" 2>/dev/null && files+=(src/Disruptor.snk)
git --git-dir="$source" archive "$sha" "${files[@]}" | tar -x -C "$work"
lib="$work/src/Disruptor"

# (b) InlineIL out, our Unsafe bodies in (README.md says what and why), Fody out; then the library for net10.0.
perl "$here/replacements/strip-inline-il.pl" "$lib/Util/InternalUtil.cs" InternalUtil \
  Read ReadSpan ReadValue SizeOf ComputeArrayDataOffset GetElementOffset
perl "$here/replacements/strip-inline-il.pl" "$lib/UnmanagedRingBufferMemory.cs" UnmanagedRingBufferMemory InitBlock
perl -i -ne 'print unless /<PackageReference\s+Include="(?:Fody|InlineIL\.Fody)"/' "$lib/Disruptor.csproj"
rm -f "$lib/FodyWeavers.xml" "$lib/FodyWeavers.xsd"
if grep -rlE 'InlineIL|Fody' "$lib" --include='*.cs' --include='*.csproj'; then
  echo "InlineIL/Fody still referenced by the files above: this commit needs a look at the replacements" >&2
  exit 1
fi
cp "$here/replacements/InternalUtil.Unsafe.cs" "$lib/Util/"
cp "$here/replacements/UnmanagedRingBufferMemory.Unsafe.cs" "$lib/"
# Our own build settings in place of Disruptor-net's src/Directory.Build.props (which adds SourceLink, not served here):
# the same language version, unsafe code and warnings-as-errors, signed with their key when the commit has it.
{
  echo '<Project><PropertyGroup>'
  echo '  <AllowUnsafeBlocks>true</AllowUnsafeBlocks><TreatWarningsAsErrors>true</TreatWarningsAsErrors><LangVersion>14.0</LangVersion>'
  [[ -f "$work/src/Disruptor.snk" ]] && echo '  <SignAssembly>true</SignAssembly><AssemblyOriginatorKeyFile>$(MSBuildThisFileDirectory)Disruptor.snk</AssemblyOriginatorKeyFile>'
  echo '</PropertyGroup></Project>'
} > "$work/src/Directory.Build.props"
echo "building Disruptor-net (net10.0, Release) in $work"
build() { local log="$work/build-$1.log"; shift; dotnet build "$@" -c Release -nologo -v:quiet >"$log" 2>&1 || { cat "$log" >&2; exit 1; }; }
build disruptor "$lib/Disruptor.csproj" -p:TargetFrameworks=net10.0 -o "$work/out"

# (c) The harness against that library.
echo "building the harness"
build harness "$here/harness/RoboTrader.Engine.DisruptorSideBySide.csproj" -p:DisruptorAssembly="$work/out/Disruptor.dll"

echo "uptime before: $(uptime)"
dotnet "$here/harness/bin/Release/net10.0/disruptor-side-by-side.dll" --disruptor-commit "$sha" "${harness_args[@]}"
echo "uptime after: $(uptime)"
