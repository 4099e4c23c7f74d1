"""Large exports render in worker processes; the file must be identical to a serial export."""
from __future__ import annotations

import os

import pytest

import annotator.core.exporting as exporter
from annotator.core.domain import Span
from annotator.core.importing import ArticleRecord, import_records


@pytest.mark.skipif(os.cpu_count() == 1, reason="one core: exports never use workers")
def test_parallel_export_equals_serial_export(project, tmp_path, monkeypatch):
    texts = [f"قال المرصد السوري إن {n} عناصر قتلوا في ريف حمص الشرقي، وأفادت مصادر ميدانية ل”المدن” بنزوح عائلات."
             for n in range(1, 60)]
    records = []
    for text in texts:
        a = text.index("المرصد السوري")
        b = text.index("ريف حمص الشرقي")
        c = text.index("المدن")
        records.append(ArticleRecord(text=text, spans=[Span(a, a + len("المرصد السوري"), "SOURCE"),
                                                       Span(b, b + len("ريف حمص الشرقي"), "LOCATION"),
                                                       Span(c, c + len("المدن"), "SOURCE")]))
    import_records(project, records, annotator="amal")

    serial = tmp_path / "serial.jsonl"
    monkeypatch.setattr(exporter, "PARALLEL_MIN_RECORDS", 10**9)
    s1 = exporter.export_jsonl(project, serial)

    parallel = tmp_path / "parallel.jsonl"
    monkeypatch.setattr(exporter, "PARALLEL_MIN_RECORDS", 1)
    monkeypatch.setattr(exporter, "CHUNK", 7)  # several chunks, finished out of order by the workers
    assert exporter._pool(100) is not None  # the worker path really runs
    s2 = exporter.export_jsonl(project, parallel)

    assert (s2.records, s2.spans, s2.spans_split) == (s1.records, s1.spans, s1.spans_split) == (59, 177, 0)
    assert parallel.read_bytes() == serial.read_bytes()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-") or p.suffix == ".tmp"]
