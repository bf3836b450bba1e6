#!/usr/bin/env python3
# test-shared-kill.py — one project, a long-lived holder and lectern-cli at
# once, with SIGKILLs of either side (issue #17).
#
# lectern-core-driver holds the project open for its whole life, as the app
# does, and edits on that connection while it runs every kind of background
# job (comparison, "where else", export, import), each on a worker
# connection of its own. Beside it, the real lectern-cli reads (tags,
# annotations, documents, search) and writes (tag-add, annotate) the same
# project, and is killed at random moments of some runs; the holder is
# killed after a random stretch of work, then started again. Kills of
# either side add up to at least LECTERN_SHARED_KILLS (default 120), a
# third of them the holder's.
#
# What must hold:
#   - while the holder lives, after every lectern-cli run, it writes into
#     no deleted write-ahead log (/proc/PID/fd): the loss of issue #17;
#   - every few holder kills and at the end, `lectern-cli check` passes;
#   - every change either side reported as saved is there, as reported:
#     the holder's passages, tags and imports, the CLI's tags and passages.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import fcntl
import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lectern_safety import (Cli, Tap, cli_path, deleted_logs, make_text,  # noqa: E402
                            records, remove_tree, rng_from_env, skip_all, temp_dir,
                            unescape)

KILLS = int(os.environ.get('LECTERN_SHARED_KILLS', '120'))
HOLDER_KILLS = KILLS // 3   # of which the holder's, at least
BUDGET = float(os.environ.get('LECTERN_SHARED_SECONDS', '60'))
CHECK_EVERY = 5   # holder kills between checks


class Holder:
    """lectern-core-driver, its output read as it comes."""

    def __init__(self, exe, project, folder, seed, env):
        self.p = subprocess.Popen([exe, '--project', project, '--folder', folder, '--seed', str(seed)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        fl = fcntl.fcntl(self.p.stdout, fcntl.F_GETFL)
        fcntl.fcntl(self.p.stdout, fcntl.F_SETFL, fl | os.O_NONBLOCK)
        self.buffer = b''
        self.lines = []

    def poll_lines(self):
        """Complete lines printed so far, as field lists."""
        while True:
            try:
                chunk = os.read(self.p.stdout.fileno(), 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b'\n')
        out = [[unescape(f) for f in line.decode('utf-8', 'replace').split('\t')] for line in complete]
        self.lines.extend(out)
        return out

    def wait_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for rec in self.poll_lines():
                if rec == ['ready']:
                    return True
            if self.p.poll() is not None:
                return False
            time.sleep(0.002)
        return False

    def kill(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGKILL)
        self.p.wait()
        self.final = self.poll_lines()
        err = self.p.stderr.read().decode('utf-8', 'replace')
        self.p.stdout.close()
        self.p.stderr.close()
        return err


def run_killed(cli, args, delay):
    """lectern-cli, killed after @delay s if still running: (killed, rc, out).
    Its output is read all along: a listing larger than the pipe would
    otherwise block it until the kill."""
    p = subprocess.Popen(cli.argv(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli.env)
    try:
        out, err = p.communicate(timeout=delay)
        killed = False
    except subprocess.TimeoutExpired:
        p.send_signal(signal.SIGKILL)
        out, err = p.communicate()
        killed = p.returncode == -signal.SIGKILL
    return killed, p.returncode, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')


def main():
    exe = cli_path()
    driver = os.environ.get('LECTERN_CORE_DRIVER')
    if not driver or not os.access(driver, os.X_OK):
        skip_all('lectern-core-driver is not built (LECTERN_CORE_DRIVER unset)')
    if not os.path.isdir('/proc/self/fd'):
        skip_all('no /proc to see deleted logs in')
    rng = rng_from_env()
    tap = Tap(4)
    folder = temp_dir('lectern-shared-')
    project = os.path.join(folder, 'shared.lectern')
    cli = Cli(exe, project)
    env = dict(cli.env)

    documents = {}     # id -> text (None: a holder import, checked against its file)
    holder_files = {}  # id -> file the holder imported
    annotations = {}   # id -> (doc, start, end, tag path)
    tags = set()
    problems = []
    deleted_seen = []
    serial = [0]

    cli.ok('init')
    for _ in range(3):
        serial[0] += 1
        text = make_text(rng, serial[0], 2000)
        path = os.path.join(folder, 'cli%04d.txt' % serial[0])
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        for rec in cli.ok('import', path):
            documents[int(rec[0])] = text

    def take_holder_lines(lines):
        for rec in lines:
            kind = rec[0]
            if kind == 'annotation' and len(rec) == 6:
                annotations[int(rec[1])] = (int(rec[2]), int(rec[3]), int(rec[4]), rec[5])
            elif kind == 'tag' and len(rec) == 3:
                tags.add(rec[2])
            elif kind == 'import' and len(rec) == 3:
                documents[int(rec[1])] = None
                holder_files[int(rec[1])] = rec[2]

    def cli_op():
        """One lectern-cli run: (args, apply(records, rc))."""
        r = rng.random()
        if r < 0.45:
            args = rng.choice((['tags'], ['annotations'], ['documents'], ['search', 'minister', '--limit', '20']))
            return args, lambda recs, rc: None
        if r < 0.7:
            serial[0] += 1
            path = 'Cli/C%d' % serial[0]

            def apply(recs, rc):
                if rc == 0:
                    tags.add(path)
            return ['tag-add', path], apply
        doc = rng.choice(sorted(d for d, t in documents.items() if t is not None))
        length = len(documents[doc])
        start = rng.randrange(0, length - 1)
        end = min(length, start + rng.randrange(1, 150))
        tag = 'Cli/A%d' % rng.randrange(6)

        def apply(recs, rc):
            for rec in recs:
                annotations[int(rec[0])] = (doc, start, end, tag)
        return ['annotate', doc, start, end, '--tag', tag], apply

    holder_kills = cli_kills = cli_runs = checks = 0
    starts, cli_times = [], []
    check_failures = []
    t_start = time.monotonic()
    run = 0
    while (holder_kills < HOLDER_KILLS or holder_kills + cli_kills < KILLS) \
            and time.monotonic() - t_start < 4 * BUDGET:
        run += 1
        t0 = time.monotonic()
        holder = Holder(driver, project, folder, rng.randrange(1 << 30), env)
        ready = holder.wait_ready()
        starts.append(time.monotonic() - t0)
        if not ready:
            problems.append('the holder did not start: %s' % holder.kill().strip())
            break
        life = rng.uniform(0.2, 1.5)
        born = time.monotonic()
        while time.monotonic() - born < life:
            take_holder_lines(holder.poll_lines())
            args, apply = cli_op()
            delay = 60.0 if rng.random() < 0.6 else rng.uniform(0, 0.03)
            t0 = time.monotonic()
            killed, rc, out, err = run_killed(cli, args, delay)
            cli_times.append((time.monotonic() - t0, args[0], killed))
            cli_runs += 1
            if killed and delay >= 60:
                problems.append('lectern-cli %s hung: no end after %.0f s' % (' '.join(map(str, args)), delay))
            elif killed:
                cli_kills += 1
            elif rc != 0:
                problems.append('lectern-cli %s: exit %d: %s' % (' '.join(map(str, args)), rc, err.strip()))
            apply(records(out), rc)
            n = deleted_logs(holder.p.pid, project)
            if n:
                deleted_seen.append('after lectern-cli %s (run %d): the holder writes into %d deleted log(s)'
                                    % (args[0], run, n))
            if holder.p.poll() is not None:
                break
        take_holder_lines(holder.poll_lines())
        alive = holder.p.poll() is None
        err = holder.kill()
        take_holder_lines(holder.final)
        if not alive and holder.p.returncode != -signal.SIGKILL:
            problems.append('the holder exited %d by itself: %s' % (holder.p.returncode, err.strip()))
        holder_kills += 1
        if holder_kills % CHECK_EVERY == 0:
            checks += 1
            sound, report = cli.check()
            if not sound:
                check_failures.append('after holder kill %d: %s' % (holder_kills, report.strip()))
                break

    elapsed = time.monotonic() - t_start
    if starts and cli_times:
        slowest = sorted(cli_times, reverse=True)
        print('# median holder start %.0f ms, lectern-cli run %.0f ms; slowest runs: %s'
              % (1000 * sorted(starts)[len(starts) // 2], 1000 * slowest[len(slowest) // 2][0],
                 ', '.join('%s %.0f ms' % (name, 1000 * t) for t, name, k in slowest[:5])), flush=True)
    tap.result(holder_kills >= HOLDER_KILLS and holder_kills + cli_kills >= KILLS and not check_failures,
               'killed %d times (%d holders, %d lectern-cli runs of %d) in %.1f s; sound at all %d checks'
               % (holder_kills + cli_kills, holder_kills, cli_kills, cli_runs, elapsed, checks),
               '\n'.join(check_failures))
    tap.result(not deleted_seen, 'the holder never wrote into a deleted log',
               '\n'.join(deleted_seen[:10]))

    sound, report = cli.check()
    tap.result(sound and not problems, 'final check passes; nothing failed without a kill',
               (report if not sound else '') + '\n'.join(problems[:20]))

    missing = []
    listed = {int(r[0]): r for r in cli.ok('documents')}
    for doc_id in documents:
        if doc_id not in listed:
            missing.append('document %d reported imported is gone' % doc_id)
    for doc_id in rng.sample(sorted(documents), min(10, len(documents))):
        expected = documents[doc_id]
        if expected is None:
            with open(holder_files[doc_id], encoding='utf-8') as f:
                expected = f.read()
        rc, out, err = cli.run('text', doc_id)
        if rc != 0 or out != expected:
            missing.append('document %d: text differs from the file imported' % doc_id)
    present = {int(r[0]): r for r in cli.ok('annotations')}
    for ann_id, (doc, start, end, tag) in annotations.items():
        r = present.get(ann_id)
        if r is None:
            missing.append('passage %d reported saved is gone' % ann_id)
        elif (int(r[1]), int(r[2]), int(r[3])) != (doc, start, end) or tag not in r[4].split(','):
            missing.append('passage %d differs: %r, expected %r' % (ann_id, r, (doc, start, end, tag)))
    listed_tags = {r[1] for r in cli.ok('tags')}
    for path in tags:
        if path not in listed_tags:
            missing.append('tag %s reported made is gone' % path)
    tap.result(not missing,
               'every reported change is there: %d documents, %d passages, %d tags'
               % (len(documents), len(annotations), len(tags)),
               '\n'.join(missing[:30]))

    if tap.failed:
        print('# project kept for inspection: %s' % project, flush=True)
    else:
        remove_tree(folder)
    tap.exit()


if __name__ == '__main__':
    main()
