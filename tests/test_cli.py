import json
import socket

import pytest
from click.testing import CliRunner

from tests.conftest import EXAMPLE
from tracker.cli import cli


def test_parse_json_offsets_index_body():
    r = CliRunner().invoke(cli, ["parse", str(EXAMPLE), "--json"])
    assert r.exit_code == 0, r.output
    (doc,) = json.loads(r.stdout)
    body = doc["article"]["body"]
    assert doc["article"]["published"] == "2021-01-16"
    assert doc["quotes"] and doc["claims"]
    for q in doc["quotes"]:
        assert body[q["start"] : q["end"]] == q["text"]
        assert set(q) >= {"id", "kind", "text", "start", "end", "cue", "speaker"}
        if q["speaker"]:
            assert set(q["speaker"]) >= {"name", "mention", "start", "end", "kind"}
            assert body[q["speaker"]["start"] : q["speaker"]["end"]] == q["speaker"]["mention"]
    for c in doc["claims"]:
        assert body[c["start"] : c["end"]] == c["text"]
        assert set(c) >= {"id", "kind", "text", "start", "end", "speaker", "quantities", "dates"}


def test_parse_raw_offsets_index_the_file():
    r = CliRunner().invoke(cli, ["parse", str(EXAMPLE), "--jsonl", "--raw"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout.splitlines()[0])
    text = EXAMPLE.read_text(encoding="utf-8")
    assert doc["article"]["body"] == text
    for q in doc["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_parse_raw_offsets_index_the_text_after_the_byte_order_mark(tmp_path, codec):
    """Decided: the byte-order mark is no character of the text (every decoder of UTF-16 and UTF-32 drops it),
    so offsets always index the decoded text without it: `data.decode(article["encoding"])`."""
    text = EXAMPLE.read_text(encoding="utf-8")
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(codec))
    r = CliRunner().invoke(cli, ["parse", str(p), "--jsonl", "--raw"])
    assert r.exit_code == 0
    doc = json.loads(r.stdout.splitlines()[0])
    assert doc["article"]["encoding"] == codec and doc["article"]["body"] == text
    decoded = p.read_bytes().decode(doc["article"]["encoding"])
    assert decoded == text and doc["quotes"]
    for q in doc["quotes"]:
        assert decoded[q["start"] : q["end"]] == q["text"]


def test_parse_stdin_and_bad_file_exit_code(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    r = CliRunner().invoke(
        cli, ["parse", "-", str(bad), "--jsonl"], input='{"title": "T", "text": "Police said 3 people died."}\n'
    )
    assert r.exit_code == 1
    assert f"skipped {bad}: empty file" in r.stderr
    assert json.loads(r.stdout.splitlines()[0])["article"]["title"] == "T"


def test_ingest_summary_and_exit_code(tmp_path):
    db = tmp_path / "t.db"
    r = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(db), "-q"])
    assert r.exit_code == 0, r.output
    assert "1 article: 1 new, 0 unchanged, 0 updated, 0 skipped" in r.stderr
    r = CliRunner().invoke(cli, ["ingest", str(EXAMPLE), "--db", str(db), "-q"])
    assert "0 new, 1 unchanged" in r.stderr
    (tmp_path / "x.txt").write_bytes(b"\x00\x00")
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "x.txt"), "--db", str(db), "-q"])
    assert r.exit_code == 1 and "binary" in r.stderr and "1 skipped" in r.stderr


def test_serve_builds_missing_database_then_runs_datasette(tmp_path, monkeypatch):
    import tracker.web.serve as serve_mod

    seen = {}
    monkeypatch.setattr(serve_mod, "serve", lambda db, host, port, extra: seen.update(db=db, port=port) or 0)
    db = tmp_path / "new.db"
    with socket.socket() as s:  # a port free right now: a fixed one may be held by anything on the machine
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port), "--articles", str(EXAMPLE.parent)])
    assert r.exit_code == 0, r.output
    assert db.exists() and seen == {"db": str(db), "port": port}
    # port 0: whatever holds 8001 on this machine must not decide which check answers first
    r = CliRunner().invoke(
        cli, ["serve", "--db", str(tmp_path / "other.db"), "--port", "0", "--articles", str(tmp_path / "nope")]
    )
    assert r.exit_code == 1 and "no such folder" in r.output


def test_serve_command_uses_project_config(tmp_path):
    from tracker.web.serve import serve_command

    cmd = serve_command("data/tracker.db", "127.0.0.1", 8001, workdir=tmp_path)
    assert cmd[1:4] == ["-m", "datasette", "serve"]
    assert any(c.endswith("metadata.yml") for c in cmd) and any(c.endswith("datasette.yaml") for c in cmd)


def _three_articles(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"title": f"Article {i}", "text": f"Officials said {i} people were hurt on Monday."}) + "\n"
            for i in range(3)
        )
    )
    return src


def _extract_fails_on(monkeypatch, module, number):
    real = module.extract

    def extract_or_fail(text, published=None):
        if f"said {number} people" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, published)

    monkeypatch.setattr(module, "extract", extract_or_fail)


@pytest.mark.parametrize("workers", ["0", "1", "2"])
def test_ingest_one_failing_article_is_one_line_and_exit_1(tmp_path, monkeypatch, workers):
    import tracker.store.ingest as ingest_mod

    src = _three_articles(tmp_path)
    _extract_fails_on(monkeypatch, ingest_mod, 1)
    db = tmp_path / "t.db"
    r = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(db), "-q", "--workers", workers])
    assert r.exit_code == 1
    skipped, summary = r.stderr.splitlines()
    assert skipped == f"skipped {src}:2: extraction failed (RecursionError: maximum recursion depth exceeded)"
    assert summary.startswith("2 articles: 2 new, 0 unchanged, 0 updated, 1 skipped; ")


def test_parse_goes_on_past_an_article_that_breaks_extraction(tmp_path, monkeypatch):
    import tracker.parse as parse_mod

    src = _three_articles(tmp_path)
    _extract_fails_on(monkeypatch, parse_mod, 1)
    r = CliRunner().invoke(cli, ["parse", str(src), "--jsonl"])
    assert r.exit_code == 1
    assert r.stderr == f"skipped {src}:2: extraction failed (RecursionError: maximum recursion depth exceeded)\n"
    assert [json.loads(line)["article"]["title"] for line in r.stdout.splitlines()] == ["Article 0", "Article 2"]


def test_ingest_of_nothing_readable_creates_no_database(tmp_path):
    db = tmp_path / "new.db"
    r = CliRunner().invoke(cli, ["ingest", str(tmp_path / "typo.txt"), "--db", str(db), "-q"])
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        f"skipped {tmp_path / 'typo.txt'}: no such file",
        "0 articles: 0 new, 0 unchanged, 0 updated, 1 skipped; 0 quotes, 0 claims stored",
    ]
    assert not db.exists()


def test_parse_prints_a_record_with_a_lone_surrogate_as_its_error(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"title": "\\udc80 odd", "text": "Police said 3 people died."}\n{"text": "Fine, 4 said."}\n')
    r = CliRunner().invoke(cli, ["parse", str(src), "--jsonl"])
    assert r.exit_code == 1
    assert r.stderr == f"skipped {src}:1: title holds a lone surrogate (\\udc80 at character 0): not Unicode text\n"
    assert len(r.stdout.splitlines()) == 1


def test_serve_on_a_busy_port_says_so_before_building_anything(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        db = tmp_path / "new.db"
        r = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port), "--articles", str(EXAMPLE.parent)])
    assert r.exit_code == 1
    assert r.output == f"Error: port {port} is in use; try --port\n"
    assert not db.exists()


@pytest.mark.parametrize("fmt", ["--json", "--jsonl"])
def test_parse_article_that_is_no_valid_json_is_its_own_error(tmp_path, monkeypatch, fmt):
    import tracker.parse as parse_mod

    src = _three_articles(tmp_path)
    real = parse_mod.Parsed.to_dict

    def to_dict(self):
        d = real(self)
        if self.article.title == "Article 1":
            d["claims"] = [{"value": float("inf")}]  # what json.dumps would print as Infinity, which is no JSON
        return d

    monkeypatch.setattr(parse_mod.Parsed, "to_dict", to_dict)
    r = CliRunner().invoke(cli, ["parse", str(src), fmt])
    assert r.exit_code == 1
    (line,) = r.stderr.splitlines()  # the message of the C encoder (--jsonl) adds ": inf"
    assert line.startswith(
        f"skipped {src}:2: not printable as JSON (ValueError: Out of range float values are not JSON compliant"
    )
    docs = json.loads(r.stdout) if fmt == "--json" else [json.loads(line) for line in r.stdout.splitlines()]
    assert [d["article"]["title"] for d in docs] == ["Article 0", "Article 2"]


def test_serve_keeps_the_secret_next_to_the_database_or_says_why_it_cannot(tmp_path, monkeypatch):
    import tracker.web.serve as serve_mod

    monkeypatch.delenv("DATASETTE_SECRET", raising=False)
    monkeypatch.setattr(serve_mod, "serve", lambda db, host, port, extra: 0)
    db = tmp_path / "new.db"
    r = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "0", "--articles", str(EXAMPLE.parent)])
    assert r.exit_code == 0, r.output
    assert len((tmp_path / "new.secret").read_text().strip()) == 64
    (tmp_path / "new.secret").unlink()
    (tmp_path / "new.secret").mkdir()  # a secret file that cannot be read or written
    r = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "0"])
    assert r.exit_code == 1
    assert r.output.endswith(
        f"Error: cannot keep the signing secret in {tmp_path / 'new.secret'} (Is a directory); set DATASETTE_SECRET\n"
    )
