#!/usr/bin/env python3
# test-kill.py — SIGKILL lectern-cli at random moments while it writes.
#
# The real lectern-cli imports documents, annotates passages, adds and
# renames tags on one project, and is killed with SIGKILL at a random
# moment of each run, at least LECTERN_KILLS times (default 200). After
# every few kills and at the end the project must pass `lectern-cli check`,
# and every change the CLI reported as done (it printed the new id, or
# exited 0) must be there, exactly as reported. A change cut off by the
# kill may be there or not, but never half. test-app-kill.py does the same
# to the app, under Xvfb.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lectern_safety import (Cli, Tap, cli_path, make_text, records,  # noqa: E402
                            remove_tree, rng_from_env, temp_dir)

KILLS = int(os.environ.get('LECTERN_KILLS', '200'))
BUDGET = float(os.environ.get('LECTERN_KILL_SECONDS', '60'))  # aimed at, see below
CHECK_EVERY = 10


class Model:
    """What must be in the project: changes reported as done. Changes cut
    off by a kill are 'maybe' and only constrain what may be there."""

    def __init__(self):
        self.documents = {}        # id -> (title, text)
        self.annotations = {}      # id -> (document, start, end, tag path, note)
        self.tags = set()          # paths reported added or renamed to
        self.renamed_away = set()  # paths reported renamed (must be gone)
        self.maybe_tags = []       # (old, new) of renames cut off: one of them
        self.unsure_tags = set()   # tag-adds cut off: may or may not exist
        self.kills = 0
        self.completed = 0
        self.kill_points = []      # fraction of the op's usual time


def run_killed(cli, args, delay):
    """Runs lectern-cli, killing it after @delay seconds if still running.
    Returns (killed, exit status, stdout, stderr)."""
    p = subprocess.Popen(cli.argv(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=cli.env)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if p.poll() is not None:
            break
        # Short sleeps, so the kill lands near @delay even for fast runs.
        time.sleep(min(0.0005, max(0.0, deadline - time.monotonic())))
    killed = False
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        killed = True
    out, err = p.communicate()
    if killed and p.returncode != -signal.SIGKILL:
        killed = False  # it finished just before the signal
    return killed, p.returncode, out.decode('utf-8', 'replace'), err.decode('utf-8', 'replace')


def main():
    exe = cli_path()
    rng = rng_from_env()
    tap = Tap(3)
    folder = temp_dir('lectern-kill-')
    project = os.path.join(folder, 'kill.lectern')
    cli = Cli(exe, project)
    model = Model()
    serial = [0]
    problems = []

    def new_text_file(n_words):
        serial[0] += 1
        text = make_text(rng, serial[0], n_words)
        path = os.path.join(folder, 'doc%04d.txt' % serial[0])
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return path, text

    # Ground: a project with three documents, not killed.
    cli.ok('init')
    for _ in range(3):
        path, text = new_text_file(3000)
        for rec in cli.ok('import', path):
            model.documents[int(rec[0])] = (rec[1], text)

    # Each operation: (name, argv, apply(reported, killed, records)).
    def op_import():
        path, text = new_text_file(rng.choice((400, 4000, 12000)))

        def apply(recs, rc):
            for rec in recs:  # printed: it is in the project
                model.documents[int(rec[0])] = (rec[1], text)
            if rc == 0 and not recs:
                problems.append('import exited 0 without printing an id')
        return 'import', ['import', path], apply

    def op_annotate():
        doc = rng.choice(sorted(model.documents))
        length = len(model.documents[doc][1])
        start = rng.randrange(0, length - 1)
        end = min(length, start + rng.randrange(1, 200))
        tag = 'Codes/C%d' % rng.randrange(12)
        note = rng.choice(('', 'note %d' % serial[0], 'note with\ttab'))
        args = ['annotate', doc, start, end, '--tag', tag]
        if note:
            args += ['--note', note]

        def apply(recs, rc):
            for rec in recs:
                model.annotations[int(rec[0])] = (doc, start, end, tag, note)
            if rc == 0 and not recs:
                problems.append('annotate exited 0 without printing an id')
        return 'annotate', args, apply

    def op_tag_add():
        serial[0] += 1
        path = 'Edits/E%d' % serial[0]
        args = ['tag-add', path] + (['--colour', '#%06x' % rng.randrange(1 << 24)]
                                    if rng.random() < 0.5 else [])

        def apply(recs, rc):
            if rc == 0:
                model.tags.add(path)
            elif rc == -signal.SIGKILL:
                model.unsure_tags.add(path)
        return 'tag-add', args, apply

    def op_tag_rename():
        candidates = sorted(model.tags)
        if not candidates:
            return op_tag_add()
        old = rng.choice(candidates)
        serial[0] += 1
        new_name = 'R%d' % serial[0]
        new = 'Edits/' + new_name

        def apply(recs, rc):
            if rc == 0:
                model.tags.discard(old)
                model.tags.add(new)
                model.renamed_away.add(old)
            elif rc == -signal.SIGKILL:
                model.tags.discard(old)
                model.maybe_tags.append((old, new))
        return 'tag-rename', ['tag-rename', old, new_name], apply

    ops = [(op_import, 2), (op_annotate, 5), (op_tag_add, 3), (op_tag_rename, 1)]
    weighted = [f for f, w in ops for _ in range(w)]

    # How long each kind of run takes here, so kills land inside runs.
    usual = {}
    for make in (op_import, op_annotate, op_tag_add, op_tag_rename) * 3:
        name, args, apply = make()
        t0 = time.monotonic()
        rc, out, err = cli.run(*args)
        usual.setdefault(name, []).append(time.monotonic() - t0)
        if rc != 0:
            problems.append('%s failed without a kill: %s' % (name, err.strip()))
        apply(records(out), rc)
    usual = {k: sorted(v)[len(v) // 2] for k, v in usual.items()}
    print('# usual run times: ' + ', '.join('%s %.1f ms' % (k, v * 1000) for k, v in sorted(usual.items())),
          flush=True)

    t_start = time.monotonic()
    checks = 0
    check_failures = []
    # BUDGET is what a run takes here; slower builds (sanitizers) get up to
    # four times as long before the test gives up short of KILLS.
    while model.kills < KILLS and time.monotonic() - t_start < 4 * BUDGET:
        name, args, apply = rng.choice(weighted)()
        # Some runs are left to finish, so that reported changes pile up
        # for later kills to threaten. Of the others, half are killed
        # anywhere in the run, half near its end, where the commit happens.
        u = usual[name]
        r = rng.random()
        if r < 0.25:
            delay = 60.0
        elif r < 0.6:
            delay = rng.uniform(0, u)
        else:
            delay = rng.uniform(0.6 * u, 1.2 * u)
        killed, rc, out, err = run_killed(cli, args, delay)
        if killed:
            model.kills += 1
            model.kill_points.append(delay / u)
        else:
            model.completed += 1
            if rc != 0:
                problems.append('%s %s: exit %d after earlier kills: %s'
                                % (name, ' '.join(map(str, args[1:3])), rc, err.strip()))
        apply(records(out), rc)
        if killed and model.kills % CHECK_EVERY == 0:
            checks += 1
            sound, report = cli.check()
            if not sound:
                check_failures.append('after kill %d (%s): %s' % (model.kills, name, report.strip()))
                break

    elapsed = time.monotonic() - t_start
    early = sum(1 for p in model.kill_points if p < 0.5)
    tap.result(model.kills >= KILLS and not check_failures,
               'killed %d times (target %d) in %.1f s; project sound at all %d checks'
               % (model.kills, KILLS, elapsed, checks),
               '%d runs completed, %d kills in the first half of a run\n%s'
               % (model.completed, early, '\n'.join(check_failures)))

    sound, report = cli.check()
    tap.result(sound and not problems, 'final check passes; no run failed without a kill',
               (report if not sound else '') + '\n'.join(problems[:20]))

    # Every change reported as done is there, as reported.
    missing = []
    docs = {int(r[0]): r for r in cli.ok('documents')}
    for doc_id, (title, text) in model.documents.items():
        if doc_id not in docs:
            missing.append('document %d (“%s”) reported imported is gone' % (doc_id, title))
    for doc_id in rng.sample(sorted(model.documents), min(10, len(model.documents))):
        rc, out, err = cli.run('text', doc_id)
        if rc != 0 or out != model.documents[doc_id][1]:
            missing.append('document %d: text differs from the file imported' % doc_id)
    annotations = {int(r[0]): r for r in cli.ok('annotations')}
    for ann_id, (doc, start, end, tag, note) in model.annotations.items():
        r = annotations.get(ann_id)
        if r is None:
            missing.append('annotation %d reported added is gone' % ann_id)
            continue
        if (int(r[1]), int(r[2]), int(r[3])) != (doc, start, end) or tag not in r[4].split(',') \
           or r[5] != note:
            missing.append('annotation %d differs: %r, expected %r' % (ann_id, r, (doc, start, end, tag, note)))
    tags = {r[1] for r in cli.ok('tags')}
    for path in model.tags:
        if path not in tags:
            missing.append('tag %s reported made is gone' % path)
    for path in model.renamed_away:
        if path in tags and path not in model.unsure_tags:
            missing.append('tag %s reported renamed is still there' % path)
    for old, new in model.maybe_tags:
        if (old in tags) == (new in tags):
            missing.append('tag rename %s → %s cut off by a kill left %s'
                           % (old, new, 'both' if old in tags else 'neither'))
    tap.result(not missing,
               'every reported change is there: %d documents, %d annotations, %d tags, %d cut-off renames'
               % (len(model.documents), len(model.annotations), len(model.tags), len(model.maybe_tags)),
               '\n'.join(missing[:30]))

    if tap.failed:
        print('# project kept for inspection: %s' % project, flush=True)
    else:
        remove_tree(folder)
    tap.exit()


if __name__ == '__main__':
    main()
