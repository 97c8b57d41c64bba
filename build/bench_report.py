"""The written side of build/bench-peers.py: the tables between the markers of docs/benchmarks.md and
the wire-size chart docs/bench-wire-size.svg (SVG written by hand: no plotting library)."""
import os, re, statistics, subprocess
from pathlib import Path

BEGIN, END = "<!-- bench-peers:begin -->", "<!-- bench-peers:end -->"
TOOLS = {"slim": "Slim", "slim-upx": "Slim, `SlimUpx=true`", "sdk": "SDK `PublishContainer`", "podman": "`podman build`, Dockerfile"}
COLOURS = {"slim": "#2b7bb9", "slim-upx": "#7fb8e0", "sdk": "#d9822b", "podman": "#6a9a3a"}
APP_NAMES = {"console-aot": "console, AOT", "web-aot": "web, AOT", "web-trimmed": "web, trimmed", "web-framework": "web, framework-dependent"}


def machine(version):
    sdk = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    os_name = re.search(r'PRETTY_NAME="([^"]+)"', Path("/etc/os-release").read_text()).group(1)
    tools = [subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()[0]
             for cmd in (["podman", "--version"], ["skopeo", "--version"], ["upx", "--version"])]
    return {"host": os.uname().nodename, "cores": os.cpu_count(), "os": os_name, "sdk": sdk, "slim": version, "tools": tools}


def describe(row):
    if "no_image" in row:
        return f"no image ({row['no_image'].rstrip(':')}), publish {row['whole']:.1f} s"
    return (f"wire {row['wire']:,} B, unpacked {row['unpacked']:,} B, {len(row['layers'])} layers, "
            f"image step {row['image_step']:.2f} s, publish {row['whole']:.1f} s, {row['digest'][:19]}")


def median(entry, key):
    values = [r[key] for r in entry["runs"] if key in r]
    return statistics.median(values) if values else None


def same_digest(entry):
    digests = [r["digest"] for r in entry["runs"] if "digest" in r]
    if len(digests) < 2:
        return "n/a (1 run)"
    return "yes" if len(set(digests)) == 1 else f"no ({len(set(digests))} digests in {len(digests)} builds)"


def seconds(value, digits=1):
    return f"{value:.{digits}f}" if value is not None else "-"


def ratio(a, b):
    if a is None or not b:
        return "-"
    return f"{a / b:.2f}" if a / b >= 0.1 else f"{a / b:.2g}"


def main_table(results):
    lines = ["| App | Tool | Wire (B) | Unpacked (B) | Layers | Re-uploaded after a one-line change (B) | Image step (s) | Whole publish (s) | Same digest, clean builds | Non-root | Starts and answers |",
             "|---|---|---:|---:|---:|---:|---:|---:|---|---|---|"]
    for app, variants in results["apps"].items():
        for variant, entry in variants.items():
            head = f"| {APP_NAMES[app]} | {TOOLS[variant]} |"
            if not entry["runs"]:
                lines.append(f"{head} not measured: the run was cut short | | | | | | | | |")
                continue
            if "no_image" in entry:
                lines.append(f"{head} no Slim image ({entry['no_image'].rstrip(':')}) | | | | | {median(entry, 'whole'):.1f} | | | |")
                continue
            last = entry["runs"][-1]
            reupload = f"{entry['reuploaded']:,}" if "reuploaded" in entry else "-"
            lines.append(f"{head} {median(entry, 'wire'):,.0f} | {median(entry, 'unpacked'):,.0f} | {len(last['layers'])} | "
                         f"{reupload} | {median(entry, 'image_step'):.2f} | {median(entry, 'whole'):.1f} | "
                         f"{same_digest(entry)} | {'yes' if last['non_root'] else 'no'} (`{last['user'] or 'root'}`) | {entry.get('starts', '-')} |")
    return lines


def ratio_table(results):
    lines = ["| App | Slim / peer | Wire | Unpacked | Re-uploaded | Image step | Whole publish |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for app, variants in results["apps"].items():
        for mine in ("slim", "slim-upx"):
            if mine not in variants or "no_image" in variants[mine] or not variants[mine]["runs"]:
                continue
            for peer in ("sdk", "podman"):
                a, b = variants[mine], variants[peer]
                if not b["runs"]:
                    continue
                lines.append(f"| {APP_NAMES[app]} | {TOOLS[mine]} / {TOOLS[peer]} | {ratio(median(a, 'wire'), median(b, 'wire'))} | "
                             f"{ratio(median(a, 'unpacked'), median(b, 'unpacked'))} | {ratio(a.get('reuploaded'), b.get('reuploaded'))} | "
                             f"{ratio(median(a, 'image_step'), median(b, 'image_step'))} | {ratio(median(a, 'whole'), median(b, 'whole'))} |")
    return lines


def overhead_table(results):
    lines = ["| App | Publish without Slim (s) | With Slim (s) | With / without | Slim's targets (s) | of which the image (s) | Unchanged republish with Slim (s) | its Slim targets (s) | Unchanged republish without Slim (s) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for app, variants in results["apps"].items():
        slim, plain = variants["slim"], variants["podman"]
        if not slim["runs"] or not plain["runs"]:
            continue
        without, with_slim = median(plain, "plain_publish"), median(slim, "whole")
        again, plain_again = slim.get("unchanged", {}), plain.get("unchanged", {})
        lines.append(f"| {APP_NAMES[app]} | {without:.1f} | {with_slim:.1f} | {ratio(with_slim, without)} | "
                     f"{median(slim, 'slim_targets'):.2f} | {median(slim, 'image_step'):.2f} | {seconds(again.get('whole'))} | "
                     f"{seconds(again.get('slim_targets'), 2)} | {seconds(plain_again.get('plain_publish'))} |")
    return lines


def chart(results):
    bars = [(app, variant, median(entry, "wire")) for app, variants in results["apps"].items()
            for variant, entry in variants.items() if "no_image" not in entry and median(entry, "wire") is not None]
    left, width, bar, gap = 215, 470, 16, 14
    apps = list(results["apps"])
    y, parts = 50, []
    for app in apps:
        rows = [(v, w) for a, v, w in bars if a == app]
        if not rows:
            parts.append(f'<text x="{left - 10}" y="{y + bar - 5}" text-anchor="end" font-weight="bold">{APP_NAMES[app]}</text>'
                         f'<text x="{left}" y="{y + bar - 5}" fill="#666">not measured in this run</text>')
            y += bar + gap
            continue
        top = max(w for _, w in rows) / 1e6  # each app on its own scale: the bars compare tools, not apps
        parts.append(f'<text x="{left - 10}" y="{y + len(rows) * bar / 2 + 4}" text-anchor="end" font-weight="bold">{APP_NAMES[app]}</text>')
        for variant, wire in rows:
            length = max(1, wire / 1e6 / top * width)
            parts.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar - 3}" fill="{COLOURS[variant]}"/>')
            parts.append(f'<text x="{left + length + 5:.1f}" y="{y + bar - 5}">{wire / 1e6:.2f} MB</text>')
            y += bar
        if any("no_image" in entry for entry in results["apps"][app].values()):
            parts.append(f'<text x="{left}" y="{y + bar - 5}" fill="#666">Slim: no image for this profile yet</text>')
            y += bar
        y += gap
    legend = []
    x = left
    for variant, name in TOOLS.items():
        legend.append(f'<rect x="{x}" y="18" width="12" height="12" fill="{COLOURS[variant]}"/>'
                      f'<text x="{x + 16}" y="28">{name.replace("`", "")}</text>')
        x += 16 + 7 * len(name.replace("`", "")) + 18
    height = y + 20
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 160}" height="{height}" font-family="sans-serif" font-size="12">',
        f'<rect width="100%" height="100%" fill="white"/>',
        f'<text x="10" y="14" font-size="13">Image bytes on the wire (compressed layers, base included); median of {results["runs"]} clean builds; bars scaled per app</text>',
        *legend, *parts, "</svg>", ""])


def write(results, docs):
    m = results["machine"]
    block = [BEGIN, "",
             f"Run: `{results['command']}`, finished {results.get('finished', '(unfinished)')}; {results['runs']} clean builds per tool and app.",
             f"Machine: {m['host']}, {m['cores']} cores, {m['os']}, .NET SDK {m['sdk']}, Slim {m['slim']}, {', '.join(m['tools'])}."
             + (f" NativeAOT publishes took the lock `{results['lock']}` (waiting not counted)." if results.get("lock") else ""),
             "", "### Images", "", *main_table(results),
             "", "### Ratios, Slim / peer (below 1: Slim smaller or faster)", "", *ratio_table(results),
             "", "### Slim's own overhead", "", *overhead_table(results), "",
             *[f"Not measured, {app}: {error.splitlines()[0][:300]}\n" for app, error in results.get("errors", {}).items()],
             END]
    doc = docs / "benchmarks.md"
    text = doc.read_text() if doc.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    text = text[:text.index(BEGIN)] + "\n".join(block) + text[text.index(END) + len(END):]
    doc.write_text(text)
    (docs / "bench-wire-size.svg").write_text(chart(results))
    print(f"wrote {doc} and {docs / 'bench-wire-size.svg'}")
