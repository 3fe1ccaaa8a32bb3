"""jieba.posseg's words and part-of-speech flags: the same pairs, faster.

``jieba.posseg.cut`` routes each block through the dictionary
(:func:`kg.text.words.routes`, jieba's own programme), and runs of single
characters that make no dictionary word go through a Viterbi pass over
(position, tag) states.  jieba's Viterbi builds a tuple for every pair of
states at every character, including the pairs no transition joins, whose
score is minus infinity and can never win; this one skips them and keeps the
best by hand, with the same sums in the same order and ties going to the
greater state, as ``max`` over ``(score, state)`` gives them.  The pairs are
jieba's (``tests/test_segmenter.py`` compares them on every bundled article).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.text.words import routes

# jieba.posseg's patterns
_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._]+)")
_SKIP = re.compile(r"(\r\n|\s)")
_HAN_DETAIL = re.compile("([\u4e00-\u9fd5]+)")
_SKIP_DETAIL = re.compile(r"([.0-9]+|[a-zA-Z0-9]+)")
_ENG = re.compile("[a-zA-Z0-9]+")
_NUM = re.compile(r"[.0-9]+")
_ENG1 = re.compile("^[a-zA-Z0-9]$")
_MIN_FLOAT = -3.14e100

Pairs = list[tuple[str, str]]


def tag(text: str, *, hmm: bool = True) -> Pairs:
    """``[(word, flag) for pair in jieba.posseg.cut(text, HMM=hmm)]``."""
    out: Pairs = []
    for block in _BLOCK.split(text):
        if _BLOCK.match(block):
            if hmm:
                _cut_dag(block, out)
            else:
                _cut_dag_no_hmm(block, out)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                out.append((piece, "x"))
                continue
            for char in piece:
                if _NUM.match(char):
                    out.append((char, "m"))
                elif _ENG.match(piece):  # sic: jieba tests the piece here
                    out.append((char, "eng"))
                else:
                    out.append((char, "x"))
    return out


def _cut_dag(block: str, out: Pairs) -> None:
    tags = _model()[4]
    ends = routes(block)
    size = len(block)
    at = 0
    run = ""
    while at < size:
        nxt = ends[at] + 1
        word = block[at:nxt]
        if nxt - at == 1:
            run += word
        else:
            if run:
                _unknown_run(run, out)
                run = ""
            out.append((word, tags.get(word, "x")))
        at = nxt
    if run:
        _unknown_run(run, out)


def _unknown_run(run: str, out: Pairs) -> None:
    freq, tags = _model()[5], _model()[4]
    if len(run) == 1:
        out.append((run, tags.get(run, "x")))
    elif not freq.get(run):
        _cut_detail(run, out)
    else:
        out.extend((char, tags.get(char, "x")) for char in run)


def _cut_detail(text: str, out: Pairs) -> None:
    for block in _HAN_DETAIL.split(text):
        if _HAN_DETAIL.match(block):
            _cut_hmm(block, out)
            continue
        for piece in _SKIP_DETAIL.split(block):
            if not piece:
                continue
            if _NUM.match(piece):
                out.append((piece, "m"))
            elif _ENG.match(piece):
                out.append((piece, "eng"))
            else:
                out.append((piece, "x"))


def _cut_hmm(text: str, out: Pairs) -> None:
    states = viterbi(text)
    begin = after = 0
    for i, char in enumerate(text):
        position, flag = states[i]
        if position == "B":
            begin = i
        elif position == "E":
            out.append((text[begin : i + 1], flag))
            after = i + 1
        elif position == "S":
            out.append((char, flag))
            after = i + 1
    if after < len(text):
        out.append((text[after:], states[after][1]))


def _cut_dag_no_hmm(block: str, out: Pairs) -> None:
    tags = _model()[4]
    ends = routes(block)
    size = len(block)
    at = 0
    latin = ""
    while at < size:
        nxt = ends[at] + 1
        word = block[at:nxt]
        if _ENG1.match(word):
            latin += word
        else:
            if latin:
                out.append((latin, "eng"))
                latin = ""
            out.append((word, tags.get(word, "x")))
        at = nxt
    if latin:
        out.append((latin, "eng"))


def viterbi(obs: str) -> list[Any]:
    """The best (position, tag) state of each character of ``obs``, as
    ``jieba.posseg.viterbi.viterbi`` finds it."""
    char_states, start_p, trans_p, emit_p = _model()[:4]
    every = trans_p.keys()
    following, preceding = _transitions()
    scores = {
        y: start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT)
        for y in char_states.get(obs[0], every)
    }
    paths: list[dict[Any, Any]] = [dict.fromkeys(scores, "")]
    for char in obs[1:]:
        before = {x for x in paths[-1] if trans_p[x]}
        if not before:
            raise ValueError("max() arg is an empty sequence")  # as jieba's
        expected = set().union(*(following[x] for x in before))
        here = expected.intersection(char_states.get(char, every)) or expected
        now: dict[Any, float] = {}
        path: dict[Any, Any] = {}
        for y in here:
            emit = emit_p[y].get(char, _MIN_FLOAT)
            best = 0.0
            best_x = None
            # only the states a transition joins to y: from any other, the
            # score is minus infinity and never the best
            for x in preceding[y].intersection(before):
                score = scores[x] + trans_p[x][y] + emit
                if best_x is None or score > best or (score == best and x > best_x):
                    best, best_x = score, x
            now[y] = best
            path[y] = best_x
        scores = now
        paths.append(path)
    _, state = max((scores[y], y) for y in paths[-1])
    route: list[Any] = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = paths[i][state]
    return route


@cache
def _transitions() -> tuple[dict[Any, frozenset[Any]], dict[Any, frozenset[Any]]]:
    """For each state, the states a transition leads to, and those it comes
    from."""
    trans_p = _model()[2]
    following = {x: frozenset(nexts) for x, nexts in trans_p.items()}
    preceding: dict[Any, set[Any]] = {}
    for x, nexts in trans_p.items():
        for y in nexts:
            preceding.setdefault(y, set()).add(x)
    return following, {y: frozenset(xs) for y, xs in preceding.items()}


@cache
def _model() -> tuple[Any, Any, Any, Any, dict[str, str], dict[str, int]]:
    from kg.text.dictionary import jieba_modules as _jieba

    jieba, posseg = _jieba()
    from jieba.posseg import char_state_tab_P, emit_P, start_P, trans_P

    posseg.dt.makesure_userdict_loaded()
    tags, freq = posseg.dt.word_tag_tab, jieba.dt.FREQ
    return char_state_tab_P, start_P, trans_P, emit_P, tags, freq
