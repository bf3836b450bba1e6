#!/usr/bin/env python3
# test-faults.py — lectern-cli on a project in trouble.
#
# A full disk, a read-only project file, a project whose folder went away,
# a project locked by another writer: a clear message on stderr naming the
# project, exit status 1, nothing lost, and `check` passes afterwards. A
# truncated or corrupt project, a SQLite file that is not a Lectern
# project, a project from a newer Lectern: refused, and every byte of it
# left as it was.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import atexit
import os
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lectern_safety import (Cli, SkipTest, Tap, cli_path, folder_state,  # noqa: E402
                            make_text, remove_tree, rng_from_env, temp_dir)

EXE = cli_path()
RNG = rng_from_env()
FOLDERS = []


def sample_project(name='p.lectern'):
    """A project with three documents, two tags and three annotations, and
    the texts it was made from."""
    folder = temp_dir('lectern-fault-')
    FOLDERS.append(folder)
    project = os.path.join(folder, name)
    cli = Cli(EXE, project)
    cli.ok('init')
    for i in range(3):
        path = os.path.join(folder, 'seed%d.txt' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(make_text(RNG, 1000 + i, 600))
        cli.ok('import', path)
    cli.ok('annotate', 1, 0, 8, '--tag', 'Claims/Security', '--note', 'first')
    cli.ok('annotate', 2, 10, 40, '--tag', 'Claims/Energy')
    cli.ok('annotate', 3, 5, 25, '--tag', 'Claims/Security', '--tag', 'Dates')
    return folder, project, cli


def snapshot(cli):
    """What a user has in the project, as the CLI shows it."""
    return (cli.ok('documents'), cli.ok('annotations'), cli.ok('tags'))


def assert_refused(rc, err, project, what):
    """Exit 1 and a message of its own, naming the project."""
    name = os.path.basename(project)
    assert rc == 1, '%s: exit status %d, expected 1 (stderr: %s)' % (what, rc, err.strip())
    assert err.strip(), '%s: refused without a message' % what
    assert 'CRITICAL' not in err and 'WARNING' not in err, '%s: %s' % (what, err.strip())
    assert name in err, '%s: the message does not name the project “%s”: %s' % (what, name, err.strip())


def assert_sound_and_kept(cli, before):
    sound, report = cli.check()
    assert sound, 'check fails afterwards:\n' + report
    after = snapshot(cli)
    assert after == before, 'the project changed:\nbefore %r\nafter  %r' % (before, after)


WRITES = (
    ('annotate', ['annotate', 1, 2, 6, '--tag', 'Faults/New']),
    ('tag-add', ['tag-add', 'Faults/Added']),
    ('tag-rename', ['tag-rename', 'Claims/Energy', 'Power']),
)


# ---------------------------------------------------------------- full disk

def test_full_disk_fsize():
    """RLIMIT_FSIZE in the child: writes past the limit fail with EFBIG, as
    on a full disk, and work for any user."""
    folder, project, cli = sample_project()
    before = snapshot(cli)
    big = os.path.join(folder, 'big.txt')
    with open(big, 'w', encoding='utf-8') as f:
        f.write(make_text(RNG, 5000, 300000))
    size = max(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder)
               if n.startswith('p.lectern'))

    def limit(extra):
        cap = 4096 if extra is None else size + extra

        def preexec():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG, not death
            resource.setrlimit(resource.RLIMIT_FSIZE, (cap, cap))
        return preexec

    rc, out, err = cli.run('import', big, preexec_fn=limit(16384))
    assert rc == 1, 'import on a full disk: exit %d (stderr: %s)' % (rc, err.strip())
    assert err.strip(), 'import on a full disk: no message'
    assert 'CRITICAL' not in err, err
    assert os.path.basename(project) in err or 'big.txt' in err, \
        'the message names neither the project nor the file: ' + err.strip()
    assert_sound_and_kept(cli, before)
    message = err.strip()

    # A tight limit: not one page fits in the write-ahead log.
    refused = []
    for what, args in WRITES:
        rc, out, err = cli.run(*args, preexec_fn=limit(None))
        if rc == 0:
            # It fitted in place; then it must be there, and the project
            # sound: the next comparisons start from here.
            sound, report = cli.check()
            assert sound, what + ' under a tight limit left an unsound project:\n' + report
            before = snapshot(cli)
            continue
        assert_refused(rc, err, project, what + ' on a full disk')
        assert_sound_and_kept(cli, before)
        refused.append(what)
    return 'message: %s\nrefused under a tight limit: %s' % (message, ', '.join(refused) or 'none')


def test_full_disk_tmpfs():
    """The project on a 1 MiB tmpfs, in a private mount namespace (root)."""
    if os.geteuid() != 0 or shutil.which('unshare') is None:
        raise SkipTest('needs root and unshare for a private tmpfs; the RLIMIT_FSIZE test covers it')
    folder, project, cli = sample_project()
    before = snapshot(cli)
    big = os.path.join(folder, 'big.txt')
    with open(big, 'w', encoding='utf-8') as f:
        f.write(make_text(RNG, 6000, 300000))
    mnt = os.path.join(folder, 'mnt')
    os.mkdir(mnt)
    size_kib = (os.path.getsize(project) // 1024) + 256
    script = r'''
set -u
mount -t tmpfs -o size="$1"k lectern-full "$2" || exit 99
cp "$3" "$2"/p.lectern
"$4" --project "$2"/p.lectern import "$5" 2>"$3".err
echo "rc=$?"
cat "$3".err
cp "$2"/p.lectern "$3".after
'''
    p = subprocess.run(['unshare', '-m', '--propagation', 'private', 'sh', '-c', script, 'sh',
                        str(size_kib), mnt, project, EXE, big],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    out = p.stdout.decode('utf-8', 'replace')
    if p.returncode == 99 or 'rc=' not in out:
        raise SkipTest('cannot mount a tmpfs here: ' + p.stderr.decode('utf-8', 'replace').strip())
    rc = int(out.split('rc=')[1].split('\n')[0])
    err = out.split('\n', 1)[1] if '\n' in out else ''
    assert rc == 1, 'import onto a full tmpfs: exit %d (%s)' % (rc, err.strip())
    assert err.strip() and 'CRITICAL' not in err, 'no clear message: %r' % err
    after_cli = Cli(EXE, project + '.after')
    assert_sound_and_kept(after_cli, before)
    return 'message: ' + err.strip()


# ---------------------------------------------------------------- read-only

def exe_for_others(exe):
    """@exe, or a copy of it that an ordinary user can run: a build tree
    in a private folder (mktemp -d makes them 0700) is out of its reach."""
    path = os.path.abspath(exe)
    while True:
        if not os.stat(path).st_mode & stat.S_IXOTH:
            break
        parent = os.path.dirname(path)
        if parent == path:
            return exe
        path = parent
    folder = tempfile.mkdtemp(prefix='lectern-cli-copy-')
    atexit.register(shutil.rmtree, folder, True)
    os.chmod(folder, 0o755)
    # lectern-cli runs the format commands (import among them) in
    # lectern-cli-formats, which it finds beside itself: copy both.
    for program in (exe, os.path.join(os.path.dirname(exe), 'lectern-cli-formats')):
        if os.path.exists(program):
            copy = os.path.join(folder, os.path.basename(program))
            shutil.copy2(program, copy)
            os.chmod(copy, 0o755)
    return os.path.join(folder, os.path.basename(exe))


def test_read_only_file():
    folder, project, cli = sample_project()
    before = snapshot(cli)
    state = folder_state(folder)
    os.chmod(project, 0o444)
    preexec = None
    if os.geteuid() == 0:
        # Root writes through file modes: act as an ordinary user who owns
        # the folder and the project, which is read-only.
        for base, dirs, files in os.walk(folder):
            for name in dirs + files:
                os.chown(os.path.join(base, name), 65534, 65534)
        os.chown(folder, 65534, 65534)

        def preexec():
            os.setgid(65534)
            os.setuid(65534)
        cli = Cli(exe_for_others(cli.exe), project, cli.env)
    new_text = os.path.join(folder, 'new.txt')
    with open(new_text, 'w', encoding='utf-8') as f:
        f.write(make_text(RNG, 4000, 300))
    messages = []
    for what, args in WRITES + (('import', ['import', new_text]),):
        rc, out, err = cli.run(*args, preexec_fn=preexec)
        assert_refused(rc, err, project, what + ' on a read-only project')
        messages.append(err.strip())
    os.chmod(project, 0o644)
    os.unlink(new_text)
    for name in os.listdir(folder):  # -shm/-wal a reader may leave
        if name not in state and os.path.isfile(os.path.join(folder, name)):
            os.unlink(os.path.join(folder, name))
    assert folder_state(folder) == state, 'a read-only project was changed'
    assert_sound_and_kept(cli, before)
    return 'message: ' + messages[0]


# ---------------------------------------------------------------- folder gone

def test_folder_gone():
    folder, project, cli = sample_project()
    before = snapshot(cli)
    moved = folder + '-moved'
    os.rename(folder, moved)
    FOLDERS.append(moved)
    messages = []
    for what, args in WRITES + (('documents', ['documents']), ('check', ['check'])):
        rc, out, err = cli.run(*args)
        assert_refused(rc, err, project, what + ' with the folder gone')
        assert not os.path.exists(folder), '%s made the vanished folder or project again' % what
        messages.append(err.strip())
    moved_cli = Cli(EXE, os.path.join(moved, os.path.basename(project)))
    assert_sound_and_kept(moved_cli, before)
    return 'message: ' + messages[0]


def test_folder_gone_while_open():
    """The folder vanishes while a long import runs: the import fails or
    completes, the moved project stays sound with nothing lost."""
    folder, project, cli = sample_project()
    before = snapshot(cli)
    big = []
    for i in range(4):
        path = os.path.join(folder, 'many%d.txt' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(make_text(RNG, 7000 + i, 80000))
        big.append(path)
    p = subprocess.Popen(cli.argv('import', *big), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=cli.env)
    time.sleep(0.05)
    moved = folder + '-away'
    os.rename(folder, moved)
    FOLDERS.append(moved)
    out, err = p.communicate(timeout=120)
    rc = p.returncode
    assert rc in (0, 1), 'exit %d: %s' % (rc, err.decode('utf-8', 'replace'))
    assert b'CRITICAL' not in err, err.decode('utf-8', 'replace')
    moved_cli = Cli(EXE, os.path.join(moved, os.path.basename(project)))
    sound, report = moved_cli.check()
    assert sound, 'check fails on the moved project:\n' + report
    after = snapshot(moved_cli)
    assert after[0][:3] == before[0] and after[1] == before[1], 'earlier work was lost'
    return 'import exit %d, %d documents after' % (rc, len(after[0]))


# ---------------------------------------------------------------- locked

def test_locked_by_other_writer():
    folder, project, cli = sample_project()
    before = snapshot(cli)
    holder = sqlite3.connect(project, isolation_level=None, timeout=0)
    holder.execute('BEGIN IMMEDIATE')  # the write lock, as another writer holds it
    try:
        t0 = time.monotonic()
        rc, out, err = cli.run(*WRITES[0][1], timeout=120)
        waited = time.monotonic() - t0
        assert_refused(rc, err, project, 'annotate while another writer holds the project')
    finally:
        holder.execute('ROLLBACK')
        holder.close()
    assert_sound_and_kept(cli, before)
    # Once the other writer is done, the same change goes through.
    rc, out2, err2 = cli.run(*WRITES[0][1])
    assert rc == 0, 'annotate after the lock was released: %s' % err2.strip()
    return 'waited %.1f s; message: %s' % (waited, err.strip())


def test_lock_released_while_waiting():
    """A writer that finishes within the wait: the change goes through."""
    folder, project, cli = sample_project()
    holder = sqlite3.connect(project, isolation_level=None, timeout=0, check_same_thread=False)
    holder.execute('BEGIN IMMEDIATE')
    timer = threading.Timer(0.5, lambda: (holder.execute('ROLLBACK'), holder.close()))
    timer.start()
    rc, out, err = cli.run(*WRITES[1][1], timeout=120)
    timer.join()
    assert rc == 0, 'tag-add waiting for a short lock: exit %d: %s' % (rc, err.strip())
    sound, report = cli.check()
    assert sound, report


# ---------------------------------------------------------------- refused files

def damaged_cases():
    """(name, how to damage a copy of a sound project)."""
    def truncate_half(path):
        with open(path, 'r+b') as f:
            f.truncate(os.path.getsize(path) // 2)

    def truncate_header(path):
        with open(path, 'r+b') as f:
            f.truncate(60)

    def schema_page(path):
        with open(path, 'r+b') as f:
            f.seek(100)
            f.write(bytes(RNG.randrange(256) for _ in range(900)))

    def magic(path):
        with open(path, 'r+b') as f:
            f.write(b'Not a database!\0')

    def zeros_tail(path):
        size = os.path.getsize(path)
        with open(path, 'r+b') as f:
            f.seek(size - 8192)
            f.write(b'\0' * 8192)

    return (('truncated to half', truncate_half), ('truncated inside the header', truncate_header),
            ('schema page overwritten', schema_page), ('magic overwritten', magic),
            ('last pages zeroed', zeros_tail))


def assert_refused_untouched(project, what, commands):
    folder = os.path.dirname(project)
    state = folder_state(folder)
    cli = Cli(EXE, project)
    messages = []
    for args in commands:
        rc, out, err = cli.run(*args)
        assert_refused(rc, err, project, '%s on %s' % (args[0], what))
        assert folder_state(folder) == state, '%s changed the files of %s' % (args[0], what)
        messages.append(err.strip())
    return messages


ALL_COMMANDS = (['documents'], ['annotations'], ['search', 'minister'], ['check'],
                ['annotate', 1, 0, 5, '--tag', 'X'], ['tag-add', 'X'], ['export', '--format', 'json'])


def test_damaged_projects():
    folder, project, cli = sample_project()
    # A big enough project that damage lands in data, not only in the schema.
    for i in range(3):
        path = os.path.join(folder, 'more%d.txt' % i)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(make_text(RNG, 8000 + i, 5000))
        cli.ok('import', path)
    sound, report = cli.check()
    assert sound, report
    lines = []
    for what, damage in damaged_cases():
        sub = os.path.join(folder, what.replace(' ', '-'))
        os.mkdir(sub)
        copy = os.path.join(sub, 'p.lectern')
        shutil.copyfile(project, copy)
        damage(copy)
        commands = ALL_COMMANDS + (['import', os.path.join(folder, 'seed0.txt')],)
        if what == 'last pages zeroed':
            commands = (['check'],)  # may open; the check must find it
        messages = assert_refused_untouched(copy, 'a project ' + what, commands)
        lines.append('%s: %s' % (what, messages[0]))
    return '\n'.join(lines)


def test_not_lectern_sqlite():
    folder = temp_dir('lectern-fault-')
    FOLDERS.append(folder)
    other = os.path.join(folder, 'notes.lectern')
    db = sqlite3.connect(other)
    db.execute('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    db.executemany('INSERT INTO notes (body) VALUES (?)', [('note %d' % i,) for i in range(50)])
    db.commit()
    db.close()
    messages = assert_refused_untouched(other, 'a SQLite file of another program',
                                        ALL_COMMANDS + (['init'],))
    # And a text file named like a project.
    text = os.path.join(folder, 'text.lectern')
    with open(text, 'w') as f:
        f.write('just some text\n' * 100)
    messages += assert_refused_untouched(text, 'a text file', ALL_COMMANDS + (['init'],))
    return 'message: ' + messages[0]


def test_newer_schema():
    folder, project, cli = sample_project()
    db = sqlite3.connect(project)
    version = db.execute('PRAGMA user_version').fetchone()[0]
    db.execute('PRAGMA user_version = %d' % (version + 1))
    db.commit()
    db.close()
    messages = assert_refused_untouched(project, 'a project of a newer Lectern', ALL_COMMANDS)
    return 'schema %d; message: %s' % (version + 1, messages[0])


def main():
    tests = [
        ('full disk (RLIMIT_FSIZE)', test_full_disk_fsize),
        ('full disk (1 MiB tmpfs)', test_full_disk_tmpfs),
        ('read-only project file', test_read_only_file),
        ('project folder gone', test_folder_gone),
        ('project folder moved during an import', test_folder_gone_while_open),
        ('locked by another writer', test_locked_by_other_writer),
        ('lock released while waiting', test_lock_released_while_waiting),
        ('truncated and corrupt projects refused, untouched', test_damaged_projects),
        ('SQLite file of another program refused, untouched', test_not_lectern_sqlite),
        ('project of a newer Lectern refused, untouched', test_newer_schema),
    ]
    tap = Tap(len(tests))
    for name, func in tests:
        tap.run(name, func)
    if not tap.failed:
        for folder in FOLDERS:
            remove_tree(folder)
    else:
        print('# folders kept for inspection: ' + ' '.join(FOLDERS))
    tap.exit()


if __name__ == '__main__':
    main()
