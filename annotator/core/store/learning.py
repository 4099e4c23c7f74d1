"""What the pattern suggester learns from: spans and rejections with a little text before
them, read in id order so it can learn incrementally (added by the learning work)."""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import SpanError
from .rules import parse_attributes
from .table import TableFamily

#: Characters of text kept before a span for the pattern suggester's context word.
LEARNING_WINDOW = 40


class Learning(TableFamily):
    def spans(self, annotator: str | None = None, *, after_span: int = 0, after_gold: int = 0
              ) -> Iterator[tuple[str, int, str, int, int, str, dict]]:
        """Annotators' spans (only ``annotator``'s when given) with id > ``after_span``, then
        gold spans with id > ``after_gold``, as ``(table, id, window, start, end, label,
        attributes)``: ``table`` is ``"spans"`` or ``"gold_spans"``; ``window`` is the article
        text from up to :data:`LEARNING_WINDOW` characters before the span to its end, and
        ``start``/``end`` are offsets into it. The pattern suggester learns from these."""
        w = LEARNING_WINDOW
        cut = (f's.id, substr(a.text, max(0, s.start - {w}) + 1, s."end" - max(0, s.start - {w})), '
               f'min(s.start, {w}), min(s.start, {w}) + s."end" - s.start, s.label, s.attributes')
        queries = [
            ("spans", f"SELECT {cut} FROM spans s JOIN annotations an ON an.id = s.annotation_id "
                      "JOIN articles a ON a.id = an.article_id WHERE s.id > ?"
                      + (" AND an.annotator = ?" if annotator else "") + " ORDER BY s.id",
             (after_span, annotator) if annotator else (after_span,)),
            ("gold_spans", f"SELECT {cut} FROM gold_spans s JOIN gold g ON g.id = s.gold_id "
                           "JOIN articles a ON a.id = g.article_id WHERE s.id > ? ORDER BY s.id", (after_gold,)),
        ]
        for table, sql, params in queries:
            for row_id, window, start, end, label, attributes in self.conn.execute(sql, params):
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(window)):
                    continue  # a span outside its text (see table.in_text): nothing to learn
                try:
                    attrs = parse_attributes(attributes)
                except SpanError:
                    attrs = {}  # not an object: `annotator check` reports it
                yield table, row_id, window, start, end, label, attrs

    def rejections(self, annotator: str | None = None, *, after: int = 0
                   ) -> Iterator[tuple[int, str, int, int, str]]:
        """Rejected suggestions (only ``annotator``'s when given) with rowid > ``after``, as
        ``(rowid, window, start, end, label)`` shaped like :meth:`spans`."""
        for row in self.rejections_with_cover(annotator, after=after):
            yield row[:5]

    def rejections_with_cover(self, annotator: str | None = None, *, after: int = 0
                              ) -> Iterator[tuple[int, str, int, int, str, bool, bool]]:
        """:meth:`rejections` with two last fields: ``covered``, true when the same
        annotation keeps a longer span around the rejected one (the annotator corrected its
        boundaries rather than rejected the name), and ``relabelled``, true when it keeps a
        span of exactly those words under another label (the annotator corrected the label)."""
        w = LEARNING_WINDOW
        sql = (f'SELECT r.rowid, substr(a.text, max(0, r.start - {w}) + 1, r."end" - max(0, r.start - {w})), '
               f'min(r.start, {w}), min(r.start, {w}) + r."end" - r.start, r.label, '
               'EXISTS (SELECT 1 FROM spans k WHERE k.annotation_id = r.annotation_id '
               'AND k.start <= r.start AND k."end" >= r."end" AND k."end" - k.start > r."end" - r.start), '
               'EXISTS (SELECT 1 FROM spans k WHERE k.annotation_id = r.annotation_id '
               'AND k.start = r.start AND k."end" = r."end" AND k.label != r.label) '
               "FROM rejected_suggestions r JOIN annotations an ON an.id = r.annotation_id "
               "JOIN articles a ON a.id = an.article_id WHERE r.rowid > ?"
               + (" AND an.annotator = ?" if annotator else "") + " ORDER BY r.rowid")
        for row_id, window, start, end, label, covered, relabelled in self.conn.execute(
                sql, (after, annotator) if annotator else (after,)):
            yield row_id, window, start, end, label, bool(covered), bool(relabelled)

    def gold_misses(self, *, after_gold: int = 0) -> Iterator[tuple[int, str, int, int, str, bool, bool]]:
        """Negative evidence from gold: each suggestion stored for an article (any source)
        that its gold does not keep — no gold span with the same start, end and label — and
        that no annotator rejected explicitly (that rejection is read already), for gold rows
        with id > ``after_gold``, as ``(gold id, window, start, end, label, covered)`` shaped
        like :meth:`rejections_with_cover`; ``covered``: the gold keeps a longer span around it;
        ``relabelled``: the gold keeps those very words under another label."""
        w = LEARNING_WINDOW
        sql = (f'SELECT DISTINCT g.id, substr(a.text, max(0, su.start - {w}) + 1, su."end" - max(0, su.start - {w})), '
               f'min(su.start, {w}), min(su.start, {w}) + su."end" - su.start, su.label, '
               'EXISTS (SELECT 1 FROM gold_spans k WHERE k.gold_id = g.id '
               'AND k.start <= su.start AND k."end" >= su."end" AND k."end" - k.start > su."end" - su.start), '
               'EXISTS (SELECT 1 FROM gold_spans k WHERE k.gold_id = g.id '
               'AND k.start = su.start AND k."end" = su."end" AND k.label != su.label) '
               "FROM gold g JOIN suggestions su ON su.article_id = g.article_id "
               "JOIN articles a ON a.id = g.article_id WHERE g.id > ? "
               "AND NOT EXISTS (SELECT 1 FROM gold_spans k WHERE k.gold_id = g.id "
               'AND k.start = su.start AND k."end" = su."end" AND k.label = su.label) '
               "AND NOT EXISTS (SELECT 1 FROM rejected_suggestions r JOIN annotations an ON an.id = r.annotation_id "
               'WHERE an.article_id = g.article_id AND r.start = su.start AND r."end" = su."end" '
               "AND r.label = su.label) "
               "ORDER BY g.id, su.start, su.\"end\", su.label")
        for gold_id, window, start, end, label, covered, relabelled in self.conn.execute(sql, (after_gold,)):
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(window):
                yield gold_id, window, start, end, label, bool(covered), bool(relabelled)
