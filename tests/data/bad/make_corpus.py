"""Write the bad-input corpus next to this script: ``python tests/data/bad/make_corpus.py``.

Every file is generated here, including the binary ones (invalid UTF-8, UTF-16, NUL
bytes, SQLite files), so the corpus can be rebuilt and reviewed as code. The generated
files are committed too. ``cases.yaml`` says what the CLI must do with each file.

The large inputs (the 5 MB article, very long lines) are not committed: :func:`big_files`
makes them and the test writes them into a temporary folder.
All texts were written for these tests.
"""
from __future__ import annotations

import functools
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# The project every case starts from holds these two annotated articles (base.jsonl).
BASE_A = "قالت مصادر ميدانية إن قوات النظام قصفت بلدة كفرنبل في ريف إدلب الجنوبي، ما أدى إلى مقتل 4 مدنيين."
BASE_B = "أعلن المرصد السوري لحقوق الإنسان أسر 7 عناصر من تنظيم داعش في بادية حمص."

GOOD = "تقدمت فصائل المعارضة على محور الراشدين غرب مدينة حلب بعد اشتباكات عنيفة."
GOOD_2 = "شنت طائرات حربية غارات على أطراف مدينة دير الزور الشرقية."
EMOJI = "قصف 😀 على حلب و💥 قتل 5 مدنيين"  # two characters outside the BMP


def span(text: str, needle: str, label: str, *, with_text: bool = False) -> dict[str, Any]:
    start = text.index(needle)
    out: dict[str, Any] = {"start": start, "end": start + len(needle), "label": label}
    if with_text:
        out["text"] = needle
    return out


def utf16_span(text: str, needle: str, label: str, *, with_text: bool) -> dict[str, Any]:
    """The span as a UTF-16 tool (JavaScript, Java, .NET, Qt) would count it."""
    start = text.index(needle)
    u_start = len(text[:start].encode("utf-16-le")) // 2
    u_end = u_start + len(needle.encode("utf-16-le")) // 2
    out: dict[str, Any] = {"start": u_start, "end": u_end, "label": label}
    if with_text:
        out["text"] = needle
    return out


def ls_result(text: str, needle: str, label: str, *, with_text: bool) -> dict[str, Any]:
    """A Label Studio result: offsets in UTF-16 units, as Label Studio writes them."""
    value = {**utf16_span(text, needle, label, with_text=with_text), "labels": [label]}
    del value["label"]
    return {"type": "labels", "from_name": "label", "to_name": "text", "value": value}


def line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False) + "\n"


def good_line(text: str = GOOD) -> str:
    return line({"text": text, "spans": [span(text, "حلب" if "حلب" in text else "دير الزور", "LOCATION")]})


def big_article_text(size: int = 5 * 1024 * 1024) -> str:
    """A ~5 MB article (accepted: there is no size limit on an article)."""
    para = (
        "قالت مصادر محلية إن اشتباكات عنيفة اندلعت بين قوات النظام وعناصر من تنظيم داعش "
        "في بادية دير الزور، وأسفرت عن مقتل 6 عناصر وإصابة آخرين.\n\n"
    )
    reps = size // len(para.encode("utf-8")) + 1
    return "تقرير طويل جداً\n\n" + para * reps


def files() -> dict[str, bytes]:
    """File name → exact bytes."""
    f: dict[str, bytes] = {}

    def text(name: str, s: str) -> None:
        f[name] = s.encode("utf-8")

    # --- the starting project
    text("base.jsonl", line({"id": "base-a", "text": BASE_A, "spans": [
        span(BASE_A, "مصادر ميدانية", "SOURCE"), span(BASE_A, "قوات النظام", "ACTOR"),
        span(BASE_A, "4 مدنيين", "COUNT")]}) + line({"id": "base-b", "text": BASE_B, "spans": [
            span(BASE_B, "المرصد السوري لحقوق الإنسان", "SOURCE")]}))

    # --- encodings and bytes
    f["invalid_utf8.txt"] = "خبر عن ".encode() + b"\xff\xfe\xc3(" + " حلب".encode()
    f["invalid_utf8.jsonl"] = good_line().encode("utf-8") + b'{"text": "\xd8\xa8\xff\xd8"}\n'
    f["utf16_bom.txt"] = b"\xff\xfe" + ("خبر عن قصف في حلب\n" + GOOD).encode("utf-16-le")
    f["utf16_bom.jsonl"] = b"\xff\xfe" + good_line().encode("utf-16-le")
    f["nul_bytes.txt"] = "خبر عن".encode() + b"\x00\x00" + " حلب".encode()
    f["nul_bytes.jsonl"] = (good_line() + line({"text": "نص فيه \u0000 محرف صفري"})).encode("utf-8")
    f["nul_bytes.csv"] = b"text,id\n" + "خبر".encode() + b"\x00,1\n"
    f["lone_surrogate.jsonl"] = (good_line() + '{"text": "نص فيه \\ud800 نصف محرف"}\n').encode("utf-8")
    # The same surrogate as raw bytes (ED A0 80, "CESU" style), in the text and in the title:
    # json.loads accepts them (it decodes with surrogatepass) but SQLite cannot store them.
    f["raw_surrogate.jsonl"] = (good_line().encode("utf-8") + '{"text": "نص فيه '.encode()
                                + b"\xed\xa0\x80" + ' نصف محرف"}\n'.encode() + good_line(GOOD_2).encode("utf-8"))
    f["raw_surrogate_title.jsonl"] = (good_line().encode("utf-8") + b'{"title": "\xed\xb0\x80", "text": "'
                                      + "نص سليم بعنوان معطوب".encode() + b'"}\n'
                                      + good_line(GOOD_2).encode("utf-8"))
    # An integer literal longer than Python's int-parsing limit (4,300 digits).
    f["huge_integer.jsonl"] = (good_line() + '{"text": "' + GOOD_2 + '", "meta": {"n": ' + "9" * 5000
                               + "}}\n" + good_line(EMOJI)).encode("utf-8")
    f["huge_integer_offset.jsonl"] = (good_line() + '{"text": "' + GOOD_2 + '", "spans": [{"start": '
                                      + "1" * 4400 + ', "end": 3, "label": "ACTOR"}]}\n').encode("utf-8")
    # UTF-16 without a BOM: NUL bytes between the ASCII characters.
    f["utf16le_no_bom.jsonl"] = (good_line() + good_line(GOOD_2)).encode("utf-16-le")
    f["utf16le_no_bom.txt"] = ("خبر عن قصف في حلب\n" + GOOD + " " + "2024-01-02 10:00").encode("utf-16-le")
    f["utf16be_no_bom.csv"] = ("id,text\n1," + GOOD + "\n").encode("utf-16-be")
    f["bom.jsonl"] = b"\xef\xbb\xbf" + (good_line() + good_line(GOOD_2)).encode("utf-8")
    f["bom.txt"] = b"\xef\xbb\xbf" + ("عنوان الخبر\n\n" + GOOD).encode("utf-8")
    f["crlf.jsonl"] = (good_line().replace("\n", "\r\n")
                       + line({"text": "سطر أول\r\nقصف على حلب\r\n", "spans": [
                           span("سطر أول\r\nقصف على حلب\r\n", "حلب", "LOCATION")]}).replace("\n", "\r\n")
                       ).encode("utf-8")

    # --- empty and huge
    f["empty.txt"] = b""
    f["empty.jsonl"] = b""
    text("whitespace_only.txt", "  \n\t\r\n \u00a0 \n")
    text("whitespace_text.jsonl", good_line() + line({"text": " \n\t "}) + line({"text": ""}))
    f["deep_nesting.jsonl"] = (good_line() + '{"text": "x", "meta": ' + "[" * 5000 + "]" * 5000 + "}\n"
                               ).encode("utf-8")

    # --- JSON shape
    text("truncated.jsonl", good_line() + '{"text": "خبر مقطوع عن قصف في ح')
    text("json_array.jsonl", json.dumps([{"text": GOOD}, {"text": GOOD_2}], ensure_ascii=False, indent=1))
    text("json_array.json", json.dumps([{"text": GOOD}], ensure_ascii=False))
    text("non_object_line.jsonl", good_line() + "42\n" + '"نص"\n' + "null\n" + "[1, 2]\n")
    text("missing_text.jsonl", good_line() + line({"title": "بلا نص", "spans": []}))
    text("text_not_string.jsonl", good_line() + line({"text": 123}) + line({"text": ["قصف"]}) + line({"text": None}))
    text("meta_not_object.jsonl", good_line() + line({"text": GOOD_2, "meta": ["المدن"]}))
    # Article fields of the wrong type, at the top level or under meta: each is one bad record
    # between two good ones, and must not cost them (#16 item 8).
    for name, bad in [("meta_source_object", {"meta": {"source": {"name": "المدن"}}}),
                      ("meta_url_list", {"meta": {"url": ["https://example.org/a", "https://example.org/b"]}}),
                      ("meta_published_object", {"meta": {"published": {"year": 2024}}}),
                      ("meta_title_list", {"meta": {"title": ["عنوان"]}}),
                      ("meta_external_id_object", {"meta": {"external_id": {"id": 5}}}),
                      ("source_list", {"source": ["المدن"]})]:
        text(f"{name}.jsonl", good_line() + line({"text": GOOD_2 + " (" + name + ")", **bad})
             + good_line(GOOD_2))
    text("meta_source_number.jsonl", good_line() + line({"text": GOOD_2, "meta": {"source": 17, "url": 3.5}}))

    # --- spans
    text("wrong_types.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        {"start": "3", "end": 9, "label": "LOCATION"}]}) + line({"text": GOOD_2 + " ", "spans": [
            {"start": 3.0, "end": 9, "label": "LOCATION"}]}) + line({"text": GOOD_2 + "  ", "spans": [
                {"start": True, "end": 9, "label": "LOCATION"}]}) + line({"text": GOOD_2 + "   ", "spans": [
                    {"start": 3, "end": 9, "label": 5}]}))
    text("negative_offsets.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        {"start": -4, "end": 3, "label": "ACTOR"}]}))
    text("reversed_offsets.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        {"start": 20, "end": 10, "label": "ACTOR"}]}) + line({"text": GOOD_2 + ".", "spans": [
            {"start": 10, "end": 10, "label": "ACTOR"}]}))
    text("past_end.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        {"start": 5, "end": len(GOOD_2) + 1, "label": "LOCATION"}]}) + line({"text": GOOD_2 + ".", "spans": [
            {"start": 0, "end": 10 ** 30, "label": "LOCATION"}]}))
    text("utf16_offsets_with_text.jsonl", line({"text": EMOJI, "spans": [
        utf16_span(EMOJI, "حلب", "LOCATION", with_text=True)]}))
    text("utf16_offsets_no_text.jsonl", line({"text": EMOJI, "spans": [
        utf16_span(EMOJI, "حلب", "LOCATION", with_text=False)]}))
    text("utf16_offsets_past_end.jsonl", line({"text": EMOJI, "spans": [
        utf16_span(EMOJI, "5 مدنيين", "COUNT", with_text=False)]}))
    text("span_text_mismatch.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        {**span(GOOD_2, "دير الزور", "LOCATION"), "text": "حلب"}]}))
    text("unknown_label.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        span(GOOD_2, "طائرات حربية", "WEAPON")]}) + line({"text": GOOD_2 + ".", "spans": [
            span(GOOD_2, "دير الزور", "location")]}))
    text("overlapping.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        span(GOOD_2, "مدينة دير الزور", "LOCATION"), span(GOOD_2, "دير الزور الشرقية", "LOCATION")]}))
    text("whitespace_span.jsonl", good_line() + line({"text": GOOD_2, "spans": [
        {"start": GOOD_2.index(" "), "end": GOOD_2.index(" ") + 1, "label": "ACTOR"}]}))
    text("spans_not_list.jsonl", good_line() + line({"text": GOOD_2, "spans": {"start": 0, "end": 3,
                                                                               "label": "ACTOR"}}))
    text("span_not_object.jsonl", good_line() + line({"text": GOOD_2, "spans": [[0, 3, "ACTOR"]]}))
    text("span_missing_key.jsonl", good_line() + line({"text": GOOD_2, "spans": [{"start": 0, "label": "ACTOR"}]}))
    text("doccano_malformed.jsonl", good_line() + line({"text": GOOD_2, "label": [[0, 5]]})
         + line({"text": GOOD_2 + ".", "label": [["0", 5, "ACTOR"]]})
         + line({"text": GOOD_2 + "..", "labels": [[0, 5, 7]]}))
    text("doccano_ok.jsonl", line({"text": GOOD_2, "label": [[GOOD_2.index("دير الزور"),
                                                               GOOD_2.index("دير الزور") + 9, "LOCATION"]]}))
    text("reimport_changed_spans.jsonl", line({"text": BASE_A, "spans": [span(BASE_A, "كفرنبل", "LOCATION")]}))

    # --- other tools' files (issue 17): Label Studio, CoNLL, doccano labels
    ls_good = {"id": 1, "data": {"text": EMOJI}, "annotations": [
        {"completed_by": 3, "result": [ls_result(EMOJI, "حلب", "LOCATION", with_text=True)]}]}
    ls_shifted = {"id": 2, "data": {"text": EMOJI + "."}, "annotations": [
        {"completed_by": 3, "result": [{"type": "labels", "value": {**span(EMOJI, "حلب", "LOCATION", with_text=True),
                                                                     "labels": ["LOCATION"]}}]}]}
    ls_no_text = {"id": 3, "data": {"body": GOOD}}
    ls_bad_type = {"id": 4, "data": {"text": GOOD_2}, "annotations": [
        {"completed_by": 3, "result": [{"type": "labels", "value": {"start": "0", "end": 5, "labels": ["ACTOR"]}}]}]}
    text("ls_bad_tasks.json", "[\n" + ",\n".join(json.dumps(t, ensure_ascii=False)
                                                 for t in (ls_good, ls_shifted, ls_no_text, ls_bad_type)) + "\n]\n")
    text("ls_truncated.json", "[\n" + json.dumps(ls_good, ensure_ascii=False) + ',\n{"data": {"text": "خبر مقطوع')
    text("conll_bad_tags.conll",
         "-DOCSTART-\tO\n\nقصف\tO\nعلى\tO\nحلب\tB-LOCATION\n\n"
         "-DOCSTART-\tO\n\nقصف\tO\nعلى\tO\nحماة\tX-LOCATION\n\n"
         "-DOCSTART-\tO\n\nقصف\tO\nعلى\nإدلب\tB-LOCATION\n\n"
         "-DOCSTART-\tO\n\nقصف\tO\nعلى\tO\nدير\tB-LOCATION\nالزور\tI-LOCATION\n")
    f["conll_invalid_utf8.conll"] = "قصف\tO\n".encode() + b"\xff\tO\n"
    text("doccano_unknown_labels.jsonl", good_line() + line({"text": GOOD_2, "label": [
        [GOOD_2.index("طائرات حربية"), GOOD_2.index("طائرات حربية") + 12, "ORG"],
        [GOOD_2.index("دير الزور"), GOOD_2.index("دير الزور") + 9, "GPE"]]}))
    text("doccano_repeated_span.jsonl", line({"text": GOOD_2, "label": [
        [GOOD_2.index("دير الزور"), GOOD_2.index("دير الزور") + 9, "LOCATION"],
        [GOOD_2.index("دير الزور"), GOOD_2.index("دير الزور") + 9, "LOCATION"]]}))

    # --- ids and duplicates
    text("duplicate_ids.jsonl", line({"id": "dup-1", "text": GOOD}) + line({"id": "dup-1", "text": GOOD_2})
         + line({"id": "dup-2", "text": GOOD}))

    # --- CSV
    text("no_text_column.csv", "id,body\n1," + GOOD + "\n")
    text("csv_bad_rows.csv", "text,id\n" + GOOD + ",1\n,2\n\"   \",3\n")

    # --- literal content
    html = ('<p>قصف على <b>حلب</b></p><script>alert("x")</script>\n'
            '<img src=x onerror="alert(1)"> &amp; &lt;b&gt; ملاحظة')
    text("html_script.txt", html)
    text("html_script.jsonl", line({"text": html, "spans": [span(html, "حلب", "LOCATION")]}))
    bidi = "\u202eقال\u202c \u2067«المرصد»\u2069 \u200fإن 3 قتلى\u200e سقطوا في \u202bحماة\u202c"
    text("bidi_controls.jsonl", line({"text": bidi, "spans": [span(bidi, "المرصد", "SOURCE"),
                                                            span(bidi, "3 قتلى", "COUNT"),
                                                            span(bidi, "حماة", "LOCATION")]}))
    text("bidi_controls.txt", bidi)

    # --- label schemas for `init --labels`
    text("labels_sql_quotes.yaml",
         "labels:\n"
         "  - name: \"ACTOR'); DROP TABLE spans; --\"\n    color: '#E69F00'\n    key: '1'\n"
         "  - name: 'SAY \"HI\"'\n    color: '#56B4E9'\n"
         "  - name: \"<b>LOC</b>\"\n    color: '#009E73'\n")
    text("labels_bad_colour.yaml", "labels:\n  - {name: ACTOR, color: red}\n")
    text("labels_duplicate.yaml", "labels:\n  - {name: A, color: '#000000'}\n  - {name: A, color: '#111111'}\n")
    text("labels_not_a_list.yaml", "labels: ACTOR\n")
    f["labels_invalid_utf8.yaml"] = b"labels:\n  - {name: \xff\xfe, color: '#000000'}\n"

    # --- files given as PROJECT
    text("text_file_as_project.db", "هذا ليس مشروعاً\n")
    f["zero_bytes_project.db"] = b""
    f["corrupt_project.db"] = b"SQLite format 3\x00" + bytes(range(256)) * 16
    f["sqlite_not_project.db"] = _sqlite_bytes(user_version=0)
    f["future_project.db"] = _sqlite_bytes(user_version=99)
    return f


@functools.lru_cache(maxsize=1)
def big_files() -> dict[str, bytes]:
    """Large inputs, written by the test into a temporary folder instead of being committed."""
    return {
        "big_article.txt": big_article_text().encode("utf-8"),
        # One 300k-character line without a newline.
        "long_line.txt": ("خبر " + "كلمة " * 60000).encode("utf-8"),
        # A 360k-character JSON line.
        "long_line.jsonl": line({"text": "مقدمة " + "قصف على حلب " * 30000}).encode("utf-8"),
        # A CSV field over the csv module's default 128 KiB limit.
        "long_field.csv": ('id,text\n1,"' + "اشتباكات في حلب " * 20000 + '"\n').encode("utf-8"),
    }


def _sqlite_bytes(user_version: int) -> bytes:
    """A small, valid SQLite file that is not an annotator project (or is from the future)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "x.db"
        conn = sqlite3.connect(str(p))
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers(name) VALUES ('ميار')")
        conn.execute(f"PRAGMA user_version = {int(user_version)}")
        conn.commit()
        conn.close()
        return p.read_bytes()


def main(out: Path = HERE) -> int:
    written = 0
    for name, data in files().items():
        target = out / name
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
            written += 1
    print(f"{len(files())} files in {out} ({written} written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
