# lectern_safety.py — what the crash- and fault-safety tests share: running
# the real lectern-cli, reading its tab-separated output (and the app
# driver's, written the same way), fingerprints of files, and TAP output
# for meson.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile


def skip_all(why):
    """Skips the whole test. Under meson's TAP protocol a skip is the plan
    "1..0 # SKIP" with exit status 0: status 77 would count as an error."""
    print('1..0 # SKIP %s' % why, flush=True)
    sys.exit(0)


def cli_path():
    """The lectern-cli under test, or skip the test when it is not built."""
    path = os.environ.get('LECTERN_CLI')
    if not path or not os.access(path, os.X_OK):
        skip_all('lectern-cli is not built (LECTERN_CLI unset)')
    return path


def unescape(field):
    """Undoes the CLI's field escapes: \\t, \\n and \\\\."""
    out = []
    i = 0
    while i < len(field):
        c = field[i]
        if c == '\\' and i + 1 < len(field):
            n = field[i + 1]
            out.append({'t': '\t', 'n': '\n', '\\': '\\'}.get(n, '\\' + n))
            i += 2
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def records(stdout):
    """Complete lines of machine output as lists of fields. A line cut off
    by a kill (no final newline) is not a record."""
    lines = stdout.split('\n')
    return [[unescape(f) for f in line.split('\t')] for line in lines[:-1]]


class Cli:
    def __init__(self, exe, project, env=None):
        self.exe = exe
        self.project = project
        self.env = dict(os.environ if env is None else env)
        self.env.setdefault('LC_ALL', 'C.UTF-8')
        self.env.pop('LECTERN_PROJECT', None)

    def argv(self, *args):
        return [self.exe, '--project', self.project] + [str(a) for a in args]

    def run(self, *args, timeout=60, preexec_fn=None, project=None):
        argv = self.argv(*args)
        if project is not None:
            argv[2] = project
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=self.env, timeout=timeout, preexec_fn=preexec_fn)
        return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')

    def ok(self, *args, **kw):
        """Runs a command that must succeed; returns its records."""
        rc, out, err = self.run(*args, **kw)
        if rc != 0:
            raise AssertionError('lectern-cli %s: exit %d\n%s' % (' '.join(map(str, args)), rc, err))
        return records(out)

    def check(self):
        """(sound, output) of `lectern-cli check`."""
        rc, out, err = self.run('check')
        return rc == 0, out + err


def deleted_logs(pid, project):
    """How many of @pid's descriptors point at a deleted -wal of @project:
    a process that writes there loses what it commits (issue #17)."""
    target = os.path.realpath(project) + '-wal (deleted)'
    folder = '/proc/%d/fd' % pid
    n = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        try:
            if os.readlink(os.path.join(folder, name)) == target:
                n += 1
        except OSError:
            pass
    return n


def sha256(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 16), b''):
            h.update(block)
    return h.hexdigest()


def folder_state(folder):
    """Names and SHA-256 of every file in @folder: what 'untouched' means."""
    return {name: sha256(os.path.join(folder, name))
            for name in sorted(os.listdir(folder))
            if os.path.isfile(os.path.join(folder, name))}


# Word lists for unique, readable texts (written for these tests).
WORDS_EN = ('the minister said that talks on security in europe would go on next week '
            'while the delegations of both countries met again in geneva to settle '
            'the questions of sanctions trade energy and the border agreements').split()
WORDS_FR = ('le ministre a déclaré que les négociations sur la sécurité européenne '
            'continueraient la semaine prochaine à genève où les délégations des deux '
            'pays se sont retrouvées pour régler les questions de l’énergie').split()


def make_text(rng, serial, n_words):
    """A unique text: a title line naming @serial, then paragraphs."""
    words = WORDS_FR if serial % 2 else WORDS_EN
    title = ('Dépêche %d' if serial % 2 else 'Dispatch %d') % serial
    lines = [title, '']
    para = []
    for i in range(n_words):
        para.append(rng.choice(words))
        if i % 60 == 59:
            lines.append(' '.join(para).capitalize() + '.')
            lines.append('')
            para = []
    if para:
        lines.append(' '.join(para).capitalize() + '.')
    lines.append('Serial %d.' % serial)
    return '\n'.join(lines) + '\n'


class Tap:
    """Minimal TAP producer: meson reads 'ok', 'not ok' and '# SKIP'."""

    def __init__(self, plan):
        self.n = 0
        self.failed = 0
        print('1..%d' % plan, flush=True)

    def result(self, ok, name, detail=''):
        self.n += 1
        if not ok:
            self.failed += 1
        print('%s %d - %s' % ('ok' if ok else 'not ok', self.n, name), flush=True)
        if detail:
            for line in detail.rstrip('\n').split('\n'):
                print('# ' + line, flush=True)

    def skip(self, name, why):
        self.n += 1
        print('ok %d - %s # SKIP %s' % (self.n, name, why), flush=True)

    def run(self, name, func, *args):
        try:
            r = func(*args)
        except SkipTest as e:
            self.skip(name, str(e))
            return
        except AssertionError as e:
            self.result(False, name, str(e))
            return
        except Exception as e:  # a test bug or a hang: still a failure
            self.result(False, name, '%s: %s' % (type(e).__name__, e))
            return
        self.result(True, name, r or '')

    def exit(self):
        sys.exit(1 if self.failed else 0)


class SkipTest(Exception):
    pass


def temp_dir(prefix):
    d = tempfile.mkdtemp(prefix=prefix)
    return d


def remove_tree(path):
    shutil.rmtree(path, ignore_errors=True)


def rng_from_env():
    """A seeded generator; the seed is printed so a failure can be replayed
    with LECTERN_SAFETY_SEED."""
    seed = int(os.environ.get('LECTERN_SAFETY_SEED', random.SystemRandom().randrange(1 << 30)))
    print('# seed %d (replay with LECTERN_SAFETY_SEED=%d)' % (seed, seed), flush=True)
    return random.Random(seed)
