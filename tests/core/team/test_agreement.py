"""The corpus agreement report (pairs, per article, to_dict/table) and project_agreement on a store."""
from __future__ import annotations

import json
import math
import random

import pytest
from team_helpers import annotate, ids_of

from annotator.core.domain import Span
from annotator.core.errors import LabelError
from annotator.core.store import Project
from annotator.core.team import agreement as team_agreement
from annotator.core.team.agreement import ArticleAnnotations, compute_agreement
from annotator.core.team.metrics import (
    PRF,
    cohen_kappa,
    krippendorff_alpha,
    simple_tokens,
    span_prf,
    token_labels,
)

# A sentence of the genre written for these tests. Token indices (simple_tokens):
#  0 أعلنت(0,5)  1 قوات(6,10)  2 سوريا(11,16)  3 الديمقراطية(17,28)  4 مقتل(29,33)  5 4(34,35)
#  6 عناصر(36,41)  7 من(42,44)  8 داعش(45,49)  9 في(50,52)  10 ريف(53,56)  11 دير(57,60)
# 12 الزور(61,66)
from .test_metrics import AMINA, BILAL, DEIR, FOUR, RIF, SDF, TEXT


def _report(**kwargs):
    articles = [
        ArticleAnnotations(1, TEXT, {"amina": AMINA, "bilal": BILAL}),
        ArticleAnnotations(2, "لم يسجل أي شيء", {"amina": [], "bilal": []}),
        ArticleAnnotations(3, TEXT, {"amina": AMINA}),  # only one annotator: not compared
    ]
    return compute_agreement(articles, **kwargs)


def test_report_pair_counts_per_label_and_micro():
    report = _report()
    assert report.annotators == ("amina", "bilal")
    assert report.labels == ("ACTOR", "COUNT", "LOCATION")
    (pair,) = report.pairs
    assert pair.n_articles == 2
    ex, ov = pair.exact, pair.overlap
    assert (ex["ACTOR"].tp, ex["ACTOR"].fp, ex["ACTOR"].fn) == (1, 0, 0)
    assert (ex["COUNT"].tp, ex["COUNT"].fp, ex["COUNT"].fn) == (0, 0, 1)
    assert (ex["LOCATION"].tp, ex["LOCATION"].fp, ex["LOCATION"].fn) == (0, 1, 1)
    assert (ov["LOCATION"].tp, ov["LOCATION"].fp, ov["LOCATION"].fn) == (1, 0, 0)
    assert pair.exact_micro.f1 == pytest.approx(2 / 5)
    assert pair.overlap_micro.f1 == pytest.approx(4 / 5)
    assert report.overall_overlap_micro == pair.overlap_micro  # one pair: micro = the pair


def test_report_token_kappa_and_alpha_by_hand():
    # Tokens of article 1 (13) + article 2 (4, all O on both sides); article 3 has one coder.
    # amina: O A A A O C O O O O L L L     bilal: O A A A O O O O O O O L L
    # n = 17; agreements: A 3, L 2, O 6+4 = 10 -> 15; disagreements C/O and L/O.
    # p_o = 15/17. marginals amina A3 C1 L3 O10; bilal A3 C0 L2 O12.
    # p_e = (9 + 0 + 6 + 120) / 289 = 135/289.
    # kappa = (255/289 - 135/289) / (154/289) = 120/154 = 60/77.
    report = _report()
    assert report.pairs[0].n_tokens == 17
    assert report.pairs[0].kappa == pytest.approx(60 / 77)
    # alpha, two coders on 17 pairable units (article 3's 13 tokens have one coder only):
    # o: AA 6, LL 4, OO 20, CO = OC = 1, LO = OL = 1. n_A 6, n_C 1, n_L 5, n_O 22, n = 34.
    # D_o = 4/34. D_e = (34^2 - (36+1+25+484)) / (34*33) = 610/1122.
    # alpha = 1 - (4/34) / (610/1122) = 1 - 4*33/610 = 1 - 132/610 = 478/610.
    assert report.alpha == pytest.approx(478 / 610)


def test_report_label_filter():
    report = _report(label="LOCATION")
    assert report.labels == ("LOCATION",)
    (pair,) = report.pairs
    assert set(pair.exact) == {"LOCATION"}
    assert pair.exact_micro.f1 == 0.0  # RIF vs DEIR, tp0 fp1 fn1
    assert pair.overlap_micro.f1 == 1.0
    # Binary tokens over 17: amina L on 3 tokens, bilal L on 2; one L/O disagreement.
    # p_o = 16/17; p_e = (3*2 + 14*15)/289 = 216/289;
    # kappa = (272 - 216)/(289 - 216) = 56/73.
    assert pair.kappa == pytest.approx(56 / 73)
    # Article 1 has full overlap agreement on LOCATION alone.
    assert report.articles[0].score == 1.0


def test_report_article_scores_and_review_order():
    report = _report()
    by_id = {a.article_id: a for a in report.articles}
    assert by_id[1].score == pytest.approx(4 / 5)  # the one pair's micro overlap F1
    assert by_id[2].score == 1.0  # nobody marked anything
    assert by_id[3].score is None  # only one annotator
    assert [a.article_id for a in report.worst_articles()] == [1, 2]
    assert [a.article_id for a in report.worst_articles(1)] == [1]


def test_report_three_annotators_with_missing_data_matches_the_direct_measures():
    rng = random.Random(5)
    texts = [TEXT, "قصفت الطائرات «للتنظيم» 3 مواقع في حماة.", "قال المرصد السوري إن 7 قتلوا"]
    spans_pool = [
        [SDF, FOUR, RIF, DEIR, Span(45, 49, "ACTOR")],
        [Span(16, 22, "ACTOR"), Span(24, 25, "COUNT"), Span(35, 39, "LOCATION")],
        [Span(4, 17, "SOURCE"), Span(21, 22, "COUNT")],
    ]
    articles = []
    for article_id in range(12):
        k = article_id % 3
        spans = {}
        for name in ("amina", "bilal", "carim"):
            if rng.random() < 0.25:
                continue  # this annotator did not do the article
            pool = spans_pool[k]
            chosen = rng.sample(pool, rng.randint(0, len(pool)))
            spans[name] = sorted(chosen, key=lambda s: s.start)
        articles.append(ArticleAnnotations(article_id, texts[k], spans))
    report = compute_agreement(articles)

    names = ("amina", "bilal", "carim")
    units = []
    for art in articles:
        done = art.spans_by_annotator
        per_coder = [token_labels(art.text, done[n]) if n in done else None for n in names]
        for t in range(len(simple_tokens(art.text))):
            units.append([None if labels is None else labels[t] for labels in per_coder])
    assert report.alpha == pytest.approx(krippendorff_alpha(units))

    for pair in report.pairs:
        i, j = (names.index(n) for n in pair.annotators)
        shared = [(u[i], u[j]) for u in units if u[i] is not None and u[j] is not None]
        assert pair.n_tokens == len(shared)
        x, y = [s[0] for s in shared], [s[1] for s in shared]
        assert pair.kappa == pytest.approx(cohen_kappa(x, y))
        both = [a for a in articles if set(pair.annotators) <= set(a.spans_by_annotator)]
        assert pair.n_articles == len(both)
        direct = sum(
            (span_prf(a.spans_by_annotator[pair.annotators[0]],
                      a.spans_by_annotator[pair.annotators[1]], mode="overlap") for a in both),
            PRF(),
        )
        assert pair.overlap_micro == direct
    total = sum((p.exact_micro for p in report.pairs), PRF())
    assert report.overall_exact_micro == total


def test_report_to_dict_is_strict_json_and_table_is_readable():
    # carim never shares an article with the others: his pairs have no tokens, kappa nan.
    articles = [
        ArticleAnnotations(1, TEXT, {"amina": AMINA, "bilal": BILAL}),
        ArticleAnnotations(2, TEXT, {"carim": [SDF]}),
    ]
    report = compute_agreement(articles)
    data = report.to_dict()
    text = json.dumps(data, allow_nan=False, ensure_ascii=False)
    assert json.loads(text)["overall"]["overlap"]["micro"]["f1"] == pytest.approx(4 / 5)
    kappas = {tuple(p["annotators"]): p["kappa"] for p in data["pairs"]}
    assert kappas[("amina", "carim")] is None
    assert kappas[("amina", "bilal")] == pytest.approx(40 / 53)  # article 1 alone, see below
    table = report.format_table()
    assert "amina / bilal" in table
    assert "0.800" in table and "0.400" in table  # overlap and exact micro F1
    assert "n/a" in table  # the kappa of a pair without shared tokens
    assert "Krippendorff" in table


def test_report_on_nothing():
    report = compute_agreement([])
    assert report.pairs == () and report.articles == ()
    assert math.isnan(report.alpha)
    assert report.to_dict()["overall"]["alpha"] is None
    assert "articles: 0" in report.format_table()


def test_report_uses_caller_tokens():
    # One token per article: the whole text. Both annotators mark something -> token ACTOR vs
    # LOCATION. With caller tokens only this one unit exists per article.
    art = ArticleAnnotations(1, TEXT, {"a": [SDF], "b": [RIF]}, tokens=[(0, len(TEXT))])
    report = compute_agreement([art])
    assert report.pairs[0].n_tokens == 1
    report2 = compute_agreement([art], tokenizer=lambda text: [(0, 10), (11, len(text))])
    assert report2.pairs[0].n_tokens == 1  # article tokens win over the tokenizer
    art2 = ArticleAnnotations(1, TEXT, {"a": [SDF], "b": [RIF]})
    report3 = compute_agreement([art2], tokenizer=lambda text: [(0, 10), (11, len(text))])
    assert report3.pairs[0].n_tokens == 2


# ------------------------------------------------------------ project_agreement (store)
def test_project_agreement_counts_done_annotations_by_default(proj: Project) -> None:
    a1, a2, a3, *_ = ids_of(proj)
    annotate(proj, a1, "a", [("قوات النظام", "ACTOR"), ("حلب", "LOCATION")])
    annotate(proj, a1, "b", [("قوات النظام", "ACTOR")])
    annotate(proj, a2, "a", [("تنظيم الدولة", "ACTOR")])
    annotate(proj, a2, "b", [("تنظيم الدولة", "ACTOR")], status="in_progress")
    annotate(proj, a3, "a", [("ريف حمص", "LOCATION")])
    annotate(proj, a3, "c", [("ريف حمص", "LOCATION")])

    report = team_agreement.project_agreement(proj)
    assert sorted(a.article_id for a in report.articles) == [a1, a3]
    assert report.annotators == ("a", "b", "c")
    micro = report.overall_exact_micro
    assert (micro.tp, micro.fp + micro.fn) == (2, 1)

    with_unfinished = team_agreement.project_agreement(proj, include_unfinished=True)
    assert sorted(a.article_id for a in with_unfinished.articles) == [a1, a2, a3]

    only_ab = team_agreement.project_agreement(proj, annotators=["a", "b"])
    assert [a.article_id for a in only_ab.articles] == [a1] and only_ab.annotators == ("a", "b")

    actor = team_agreement.project_agreement(proj, label="ACTOR")
    assert actor.overall_exact_micro.f1 == 1.0
    with pytest.raises(LabelError):
        team_agreement.project_agreement(proj, label="WEAPON")
