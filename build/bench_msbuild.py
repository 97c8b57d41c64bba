"""What the benchmark scripts read from an MSBuild run: its -clp:PerformanceSummary target table."""
import re

TARGET_LINE = re.compile(r"^\s+(\d+) ms\s+(\S+)\s+(\d+) calls")


def target_times(output):
    """MSBuild's -clp:PerformanceSummary target table: target -> ms."""
    times, inside = {}, False
    for line in output.splitlines():
        if "Target Performance Summary" in line:
            inside = True
        elif "Task Performance Summary" in line:
            inside = False
        elif inside and (match := TARGET_LINE.match(line)):
            times[match.group(2)] = times.get(match.group(2), 0) + int(match.group(1))
    return times
