#!/usr/bin/env bash
# Draws the packages of this module and their imports as built, into
# docs/img/architecture.svg (needs Graphviz's dot: apt-get install graphviz).
# Each box is a package, its area growing with its lines of Go (tests
# excluded); an arrow points from a package to one it imports.
set -euo pipefail
cd "$(dirname "$0")/.."
module=$(go list -m)
out=docs/img/architecture.svg
{
	echo 'digraph vnsearch {'
	echo '  rankdir=BT; node [shape=box, style="rounded,filled", fillcolor="#eef3fb", fontname="Helvetica"];'
	echo '  edge [color="#667788", arrowsize=0.6];'
	go list -f '{{.ImportPath}}|{{.Dir}}|{{join .GoFiles " "}}|{{join .Imports " "}}' ./... |
		while IFS='|' read -r pkg dir files imports; do
			name=${pkg#"$module"/}
			[ "$pkg" = "$module" ] && name=vnsearch
			lines=0
			for f in $files; do lines=$((lines + $(wc -l <"$dir/$f"))); done
			width=$(awk -v l="$lines" 'BEGIN { printf "%.2f", 1 + sqrt(l) / 25 }')
			echo "  \"$name\" [label=\"$name\\n$lines lines\", width=$width];"
			for imp in $imports; do
				case $imp in "$module"/*) echo "  \"$name\" -> \"${imp#"$module"/}\";" ;; esac
			done
		done
	echo '}'
} | dot -Tsvg -o "$out"
echo "wrote $out"
