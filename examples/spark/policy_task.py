"""One Spark task: a partition's records through one `policy batch --presorted` process.

The records arrive sorted by person (the job sorts them). They go to the process on standard
input (JSON Lines), or, for CSV claims, to a file in the task's own temporary folder (batch reads
standard input as JSON Lines only, and a CSV row must be read by batch's own CSV reader to be
settled or rejected exactly as `policy batch` over the whole file would). Settlements and
rejections come back on one standard output stream (`--out - --rejects -`), told apart by their
first key: a rejection line is `{"line":…`, a settlement line `{"id":…`. The partition's summary
goes to `--summary-json` in the task's temporary folder and is read when the process has ended.

What the task yields, in order: ("s", settlement line) and ("r", rejection line) as they come,
then one ("m", summary JSON text). A partition with no record yields nothing and starts nothing.
"""

import collections
import json
import os
import subprocess
import tempfile
import threading

REJECTION_PREFIX = '{"line":'

# Spark shows the end of a failed task's message; keep as much of batch's stderr as it keeps.
STDERR_TAIL = 2048


class PolicyBatchFailed(RuntimeError):
    """batch exited non-zero: the message ends with the end of its stderr."""


def batch_command(node, cli, policy, in_format, workers, rosters, engine):
    """The command every task runs, without its --in and --summary-json."""
    cmd = [node, cli, 'batch', '--policy', policy, '--presorted', '--out', '-', '--rejects', '-',
           '--exit-zero', '--workers', str(workers), '--in-format', in_format, '--engine', engine]
    for roster in rosters:
        cmd += ['--roster', roster]
    return cmd


def _tail_of(stream, keep):
    """Reads a stream to its end in a thread, keeping its last STDERR_TAIL bytes."""
    tail = collections.deque()
    size = [0]

    def read():
        for chunk in iter(lambda: stream.read(4096), b''):
            tail.append(chunk)
            size[0] += len(chunk)
            while size[0] - len(tail[0]) >= keep:
                size[0] -= len(tail.popleft())

    t = threading.Thread(target=read, daemon=True)
    t.start()
    return t, lambda: b''.join(tail)[-keep:].decode('utf-8', 'replace')


def _feed(proc, lines, failure):
    """Writes the partition's lines to the process's stdin, then closes it."""
    try:
        for line in lines:
            proc.stdin.write(line.encode('utf-8'))
            proc.stdin.write(b'\n')
        proc.stdin.close()
    except BrokenPipeError:
        # batch stopped reading (a fatal problem): its exit status and stderr say why.
        pass
    except BaseException as e:  # noqa: BLE001 - reported by the task's own thread
        failure.append(e)
        try:
            proc.kill()
        except OSError:
            pass


def settle_partition(index, lines, command, csv_header=None):
    """Runs batch over one partition's lines (already sorted by person); see the module's doc."""
    lines = iter(lines)
    first = next(lines, None)
    if first is None:
        return
    with tempfile.TemporaryDirectory(prefix=f'policy-part-{index:05d}-') as tmp:
        summary_path = os.path.join(tmp, 'summary.json')
        cmd = command + ['--summary-json', summary_path]
        if csv_header is not None:
            path = os.path.join(tmp, 'claims.csv')
            with open(path, 'w', encoding='utf-8', newline='') as f:
                f.write(csv_header + '\n')
                f.write(first + '\n')
                for line in lines:
                    f.write(line + '\n')
            cmd += ['--in', path]
        else:
            cmd += ['--in', '-']
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if csv_header is None else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        failure = []
        feeder = None
        if csv_header is None:
            feeder = threading.Thread(target=_feed, args=(proc, _chain(first, lines), failure), daemon=True)
            feeder.start()
        err_thread, err_tail = _tail_of(proc.stderr, STDERR_TAIL)
        settled = rejected = 0
        complete = False
        try:
            for raw in proc.stdout:
                line = raw.decode('utf-8').rstrip('\n')
                if line.startswith(REJECTION_PREFIX):
                    rejected += 1
                    yield ('r', line)
                else:
                    settled += 1
                    yield ('s', line)
            complete = True
        finally:
            if not complete:
                # The task was cancelled or failed while reading: leave no batch process behind.
                proc.kill()
                proc.wait()
        status = proc.wait()
        err_thread.join()
        if feeder is not None:
            feeder.join()
        if failure:
            raise failure[0]
        if status != 0:
            raise PolicyBatchFailed(f'partition {index}: policy batch exited {status}: {err_tail().strip()}')
        with open(summary_path, encoding='utf-8') as f:
            summary = json.load(f)
        # Every record comes back once: as a settlement or as a rejection, never lost on the way.
        if summary['settled'] != settled or summary['rejected'] != rejected or summary['balanced'] is not True:
            raise PolicyBatchFailed(
                f'partition {index}: batch reported {summary["settled"]} settled and {summary["rejected"]} rejected '
                f'but wrote {settled} settlement and {rejected} rejection lines')
        summary['partition'] = index
        yield ('m', json.dumps(summary, ensure_ascii=False))


def _chain(first, rest):
    yield first
    yield from rest
