"""Reading the raw folder: every file becomes an article or a rejected row."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodiscourse.core.ids import doc_id_for, sha256_hex
from geodiscourse.ingest.files import IngestResult, decode_bytes, read_raw_folder
from tests.paths import SEEDS

RAW = SEEDS
ARTICLE = "Russia’s gamble\n\nMoscow has long seen itself as a great power, officials said.\n".encode()


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def accounted_for(result: IngestResult) -> list[str]:
    names = [a.source_name for a in result.articles]
    names += [d for a in result.articles for d in a.duplicate_names]
    names += [r["source_name"] for r in result.rejected]
    return sorted(names)


def test_seed_articles_are_utf8_text() -> None:
    result = read_raw_folder(RAW)
    assert [a.source_name for a in result.articles] == sorted(p.name for p in RAW.glob("*.txt"))
    assert result.rejected == []
    for article in result.articles:
        raw = (RAW / article.source_name).read_bytes()
        assert (article.encoding, article.source_format) == ("utf-8", "text")
        assert article.doc_id == doc_id_for(raw) and article.sha256 == sha256_hex(raw)
        assert article.text == raw.decode("utf-8")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\r\n", "no_content"),
        ("dashes.txt", b"----\n****\n", "no_content"),
        ("empty.html", b"<html><body><script>var a = 1;</script></body></html>", "no_content"),
        ("image.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "binary"),
        ("controls.txt", b"text\x01\x02\x03\x04\x05\x06 more", "binary"),
        ("cyrillic.txt", "Россия давно считает Украину".encode("cp1251"), "encoding"),
        ("broken.txt", "It’s “mostly” UTF-8 ".encode() + b"but \x92 not", "encoding"),
        ("undefined.txt", b"Caf\xe9 \x81 bar", "encoding"),
    ],
)
def test_rejected_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    write(tmp_path, name, data)
    result = read_raw_folder(tmp_path)
    assert result.articles == []
    (row,) = result.rejected
    assert (row["source_name"], row["reason"], row["sha256"]) == (name, reason, sha256_hex(data))
    assert name in row["detail"] and ":" in row["detail"]  # names the file, then says what to do


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (ARTICLE, ARTICLE.decode(), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE, ARTICLE.decode(), "utf-8"),
        ("It’s “quoted” – dashed".encode("utf-16"), "It’s “quoted” – dashed", "utf-16"),
        (
            b"He said \x93hello\x94 and it\x92s fine \x96 really.",
            "He said “hello” and it’s fine – really.",
            "cp1252",
        ),
        (b"Caf\xe9 cr\xe8me in Z\xfcrich.", "Café crème in Zürich.", "latin-1"),
    ],
)
def test_decoding(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data, "x.txt") == (text, encoding)


def test_html_is_stripped_to_text(tmp_path: Path) -> None:
    page = b"<html><head><title>T</title></head><body><h1>Head</h1><p>One &amp; two.</p><p>Three.</p></body></html>"
    write(tmp_path, "page.html", page)
    (article,) = read_raw_folder(tmp_path).articles
    assert (article.source_format, article.text) == ("html", "Head\n\nOne & two.\n\nThree.")


def test_duplicates_become_one_article(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/z.txt"):
        write(tmp_path, name, ARTICLE)
    write(tmp_path, "c.txt", ARTICLE + b"x")
    result = read_raw_folder(tmp_path)
    assert [(a.source_name, a.duplicate_names) for a in result.articles] == [
        ("a.txt", ("b.txt", "sub/z.txt")),
        ("c.txt", ()),
    ]
    assert len(result.inputs) == 4


def test_duplicates_of_a_rejected_file_are_each_rejected(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", b"")
    write(tmp_path, "b.txt", b"")
    assert [r["source_name"] for r in read_raw_folder(tmp_path).rejected] == ["a.txt", "b.txt"]


def test_recursive_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    write(tmp_path, "politics/b.txt", ARTICLE + b"1")
    write(tmp_path, "a.txt", ARTICLE + b"2")
    write(tmp_path, "politics/deep/c.txt", ARTICLE + b"3")
    write(tmp_path, ".gitkeep", b"")
    write(tmp_path, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(tmp_path, ".git/config", b"[core]")
    write(tmp_path, "politics/.hidden.txt", ARTICLE)
    result = read_raw_folder(tmp_path)
    assert [a.source_name for a in result.articles] == ["a.txt", "politics/b.txt", "politics/deep/c.txt"]
    assert [f.source_name for f in result.inputs] == ["a.txt", "politics/b.txt", "politics/deep/c.txt"]
    assert result.rejected == []


def test_too_large_is_rejected_with_the_whole_files_sha(tmp_path: Path) -> None:
    """That it is never read whole is checked with a memory bound in test_input_edges.py."""
    write(tmp_path, "big.txt", b"a" * 2_000)
    write(tmp_path, "small.txt", ARTICLE)
    result = read_raw_folder(tmp_path, max_bytes=1_000)
    (row,) = result.rejected
    assert (row["source_name"], row["reason"]) == ("big.txt", "too_large")
    assert "1,000" in row["detail"] and "max_bytes" in row["detail"]
    assert row["sha256"] == sha256_hex(b"a" * 2_000)
    assert [a.source_name for a in result.articles] == ["small.txt"]


def test_broken_link_and_linked_folder(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    write(outside, "x.txt", ARTICLE)
    (tmp_path / "linked").symlink_to(outside, target_is_directory=True)
    result = read_raw_folder(tmp_path)
    assert [(r["source_name"], r["reason"]) for r in result.rejected] == [
        ("dangling.txt", "unreadable"),
        ("linked", "unreadable"),
    ]
    assert result.articles == []


def test_missing_or_non_folder_raw_dir(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope"):
        read_raw_folder(tmp_path / "nope")
    write(tmp_path, "file.txt", ARTICLE)
    with pytest.raises(NotADirectoryError, match=r"file\.txt"):
        read_raw_folder(tmp_path / "file.txt")


files = st.dictionaries(
    st.sampled_from(["a.txt", "b.txt", "sub/c.txt", "sub/d.html", "e.bin"]),
    st.sampled_from([b"", b" \n", ARTICLE, ARTICLE + b"!", b"\x00\x01", b"<p>a</p><p>b</p>", b"caf\xe9"])
    | st.binary(max_size=64),
)


@given(files)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_file_is_accounted_for_once(
    tmp_path_factory: pytest.TempPathFactory, content: dict[str, bytes]
) -> None:
    folder = tmp_path_factory.mktemp("raw")
    for name, data in content.items():
        write(folder, name, data)
    result = read_raw_folder(folder)
    assert accounted_for(result) == sorted(content)
    assert [f.source_name for f in result.inputs] == sorted(content)
    assert all(f.sha256 == sha256_hex(content[f.source_name]) for f in result.inputs)
    assert [a.source_name for a in result.articles] == sorted(a.source_name for a in result.articles)
