#!/usr/bin/env python3
"""The line budget of core/: no function longer than 120 lines, no file longer than 600.

Keeping the core small enough to read is checked the way tinygrad counts its lines in CI. The
functions and files over budget today are listed, with their current size, in
scripts/line_budget_allowlist.txt; a listed item may shrink (the check then says so, so that the
list can be lowered) but never grow, and an item not listed may not go over budget.

Functions are found by brace matching on the source with comments, strings and preprocessor
lines removed: a `{` whose header (the text since the last `;`, `{` or `}`) has a parameter list
and no `=` opens a function when it appears at namespace or class scope; its length runs from the
header's first line to the matching `}`, lambdas and nested blocks included.

Usage: check_line_budget.py [--root DIR] [--write-allowlist]
"""
import argparse
import os
import re
import sys

FUNCTION_LIMIT = 120
FILE_LIMIT = 600
CONTAINER = re.compile(r"\b(namespace|class|struct|union)\b")
ENUM = re.compile(r"\benum\b")


def strip(text):
    """The text with comments, string and character literals and preprocessor lines blanked,
    newlines kept (so line numbers hold)."""
    out = []
    i, n = 0, len(text)
    line_start = True
    while i < n:
        c = text[i]
        if line_start and c == "#":
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append("\n")
                    i += 2
                    continue
                i += 1
            continue
        if c == "/" and text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        if c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append("\n" * text.count("\n", i, end))
            i = end
            continue
        if c == "R" and text.startswith('R"', i):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            if m:
                close = ")" + m.group(1) + '"'
                end = text.find(close, i + m.end())
                end = n if end < 0 else end + len(close)
                out.append('""' + "\n" * text.count("\n", i, end))
                i = end
                continue
        if c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
            continue
        out.append(c)
        if c == "\n":
            line_start = True
        elif not c.isspace():
            line_start = False
        i += 1
    return "".join(out)


def function_name(header):
    """The (qualified) name before the parameter list of a function header, or None."""
    depth = 0
    for k, ch in enumerate(header):
        if ch == "(" and depth == 0:
            m = re.search(r"([A-Za-z_~][\w:~]*(?:operator\s*[^\s(]+)?)\s*$", header[:k])
            return m.group(1) if m else None
        if ch in "<":
            depth += 1
        elif ch == ">" and depth > 0:
            depth -= 1
    return None


def measure_functions(text):
    """(name, lines) of every function defined at namespace or class scope."""
    code = strip(text)
    results = []
    stack = []  # per open brace: "container", "function" or "block"
    header_start = 0
    function_open = None  # (name, first line, depth) of the function being measured
    line = 1
    for i, ch in enumerate(code):
        if ch == "\n":
            line += 1
            continue
        if ch in ";{}":
            header = code[header_start:i]
            if ch == "{":
                kind = "block"
                if all(k == "container" for k in stack):
                    flat = " ".join(header.split())
                    if ENUM.search(flat):
                        kind = "block"
                    elif CONTAINER.search(flat) and "(" not in flat.split("{")[0]:
                        kind = "container"
                    elif "(" in flat and not re.search(r"(^|[^=!<>])=([^=]|$)", flat.split("(")[0]):
                        name = function_name(flat)
                        if name:
                            kind = "function"
                            leading = header[: len(header) - len(header.lstrip())]
                            first = line - header.count("\n") + leading.count("\n")
                            function_open = (name, first, len(stack))
                stack.append(kind)
            elif ch == "}":
                if stack:
                    stack.pop()
                if function_open and len(stack) == function_open[2]:
                    results.append((function_open[0], line - function_open[1] + 1))
                    function_open = None
            header_start = i + 1
    return results


def measure(root):
    """{key: lines} of every function and file of core/ over budget."""
    over = {}
    core = os.path.join(root, "core")
    for directory, _, files in sorted(os.walk(core)):
        for f in sorted(files):
            if not f.endswith((".cpp", ".h", ".cl")):
                continue
            path = os.path.join(directory, f)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            lines = text.count("\n")
            if lines > FILE_LIMIT:
                over[f"file {rel}"] = lines
            if f.endswith(".cl"):
                continue
            seen = {}
            for name, n in measure_functions(text):
                seen[name] = seen.get(name, 0) + 1
                key = f"function {rel} {name}" + (f"#{seen[name]}" if seen[name] > 1 else "")
                if n > FUNCTION_LIMIT:
                    over[key] = n
    return over


def read_allowlist(path):
    allowed = {}
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            entry = "" if raw.lstrip().startswith("#") else raw.strip()
            if not entry:
                continue
            key, _, size = entry.rpartition(" ")
            allowed[key] = int(size)
    return allowed


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.dirname(here))
    parser.add_argument("--allowlist", default=os.path.join(here, "line_budget_allowlist.txt"))
    parser.add_argument("--write-allowlist", action="store_true",
                        help="write the current violators as the allowlist (a new baseline)")
    args = parser.parse_args()
    over = measure(args.root)
    if args.write_allowlist:
        with open(args.allowlist, "w", encoding="utf-8") as fh:
            fh.write("# Over the line budget of scripts/check_line_budget.py (functions 120 lines,\n"
                     "# files 600): each may shrink, never grow. Lower or remove an entry when its\n"
                     "# item shrinks; the check says when.\n")
            for key in sorted(over):
                fh.write(f"{key} {over[key]}\n")
        print(f"line budget: wrote {len(over)} entries to {args.allowlist}")
        return 0
    allowed = read_allowlist(args.allowlist)
    failures = []
    for key, n in sorted(over.items()):
        if key not in allowed:
            failures.append(f"{key} is {n} lines, over the budget "
                            f"({FUNCTION_LIMIT if key.startswith('function') else FILE_LIMIT}): "
                            "split it")
        elif n > allowed[key]:
            failures.append(f"{key} grew to {n} lines (allowed {allowed[key]}): shrink it back")
    for key, n in sorted(allowed.items()):
        now = over.get(key)
        if now is None:
            print(f"line budget: {key} is within budget now: remove it from {args.allowlist}")
        elif now < n:
            print(f"line budget: {key} shrank to {now} lines: lower its entry ({n})")
    for f in failures:
        print(f"line budget: FAIL: {f}", file=sys.stderr)
    print(f"line budget: {len(over)} items over budget, all allowed" if not failures else
          f"line budget: {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
