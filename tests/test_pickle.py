"""Every public object pickles: worker processes, Dask and Spark send them between processes."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_model import articles

from quotetrack import Article, Cue, Mention, Quote, Span, Speaker, extract

PUBLIC = (Article, Quote, Speaker, Mention, Cue, Span)
PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)

STORY = (
    "“The ferry will sail at dawn,” Ana Silva, the harbour master, said on Monday.\n\n"
    "Tom Reed said that the port was ready. “We checked every rope,” he added."
)


def parts(article: Article) -> Iterator[Any]:
    """The article and every model object reachable from it."""
    yield article
    for q in article.quotes:
        yield q
        yield from q.fragments
        yield from (x for x in (q.speaker, q.mention, q.cue) if x is not None)
    for s in article.speakers:
        yield s
        yield from s.mentions


@given(articles(), st.sampled_from(PROTOCOLS))
def test_every_object_survives_every_protocol(article: Article, protocol: int) -> None:
    """Each object pickled with any protocol comes back equal, with the same hash, still frozen."""
    for obj in parts(article):
        back = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert back == obj and type(back) is type(obj)
        assert hash(back) == hash(obj)
        name = attrs.fields(type(back))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(back, name, getattr(back, name))


@pytest.fixture(scope="module")
def story() -> Article:
    """A real extraction with metadata."""
    return extract(STORY, id="story-1", outlet="The Harbour Post", published="2024-05-01")


def test_a_real_extraction_reaches_every_public_class(story: Article) -> None:
    """The real extraction used below holds an instance of every public model class."""
    assert {type(o) for o in parts(story)} == set(PUBLIC)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_real_extraction_pickles_whole(story: Article, protocol: int) -> None:
    """An extracted article round-trips through pickle, and its spans still slice its text."""
    back = pickle.loads(pickle.dumps(story, protocol=protocol))
    assert back == story and back.metadata == story.metadata
    assert all(back.text[q.start : q.end] == q.text for q in back.quotes)


@pytest.mark.parametrize("clone", [copy.copy, copy.deepcopy])
def test_copies_are_equal(story: Article, clone: Any) -> None:
    """copy and deepcopy give equal objects."""
    for obj in parts(story):
        assert clone(obj) == obj


def test_cloudpickle_round_trip(story: Article) -> None:
    """cloudpickle, which Dask and Spark use, round-trips an extracted article."""
    cloudpickle = pytest.importorskip(
        "cloudpickle", reason="cloudpickle comes with the dask and spark extras"
    )
    assert cloudpickle.loads(cloudpickle.dumps(story)) == story
