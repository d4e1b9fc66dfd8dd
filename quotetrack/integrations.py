"""Recipes for extracting beyond one machine: Dask bags and Spark RDDs.

Neither Dask nor PySpark is imported until a function here needs it; install
them with ``pip install "quotetrack[dask]"`` or ``pip install "quotetrack[spark]"``.
Each partition is extracted by one worker in one pass, so the lexicons load
once per worker process.

Dask::

    import json
    import dask.bag as db
    from quotetrack.integrations import extract_bag

    records = db.read_text("articles-*.jsonl").map(json.loads)   # {"id", "text", ...}
    articles = extract_bag(records)                # one Article.to_dict() per record
    articles.map(json.dumps).to_textfiles("extracted-*.jsonl")
    quotes = extract_bag(records, flat=True)       # one flat row per quote
    quotes.to_dataframe().to_parquet("quotes/")    # needs dask[dataframe]

PySpark (the workers must run a Python that has quotetrack installed: set
``PYSPARK_PYTHON``)::

    from quotetrack.integrations import SPARK_SCHEMA, spark_extract_partition

    df = spark.read.json("articles.jsonl")                      # columns id, text, ...
    rows = df.rdd.mapPartitions(spark_extract_partition)
    quotes = spark.createDataFrame(rows, schema=SPARK_SCHEMA())
    quotes.write.parquet("quotes.parquet")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .parallel import extract_many

if TYPE_CHECKING:
    from dask.bag import Bag
    from pyspark.sql.types import StructType

    from .model import Article

__all__ = ["QUOTE_COLUMNS", "SPARK_SCHEMA", "extract_bag", "quote_rows", "spark_extract_partition"]

#: The columns of a flat quote row, in order, with their Spark SQL type names.
QUOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "string"),
    ("speaker", "string"),
    ("speaker_kind", "string"),
    ("role", "string"),
    ("kind", "string"),
    ("text", "string"),
    ("cue", "string"),
    ("start", "long"),
    ("end", "long"),
    ("audience", "string"),
    ("medium", "string"),
    ("confidence", "double"),
    ("rule", "string"),
)


def quote_rows(article: Article) -> Iterator[dict[str, Any]]:
    """One flat dict per quote of ``article``, with the keys of :data:`QUOTE_COLUMNS`.

    Args:
        article: An extracted article.

    Yields:
        Dicts ready for a data frame row: ``article_id``, ``speaker`` (the
        resolved name), ``speaker_kind``, ``role``, ``kind``, ``text``, ``cue``
        (its words), ``start``, ``end``, ``audience``, ``medium``,
        ``confidence`` and ``rule``.
    """
    for q in article.quotes:
        sp = q.speaker
        yield {
            "article_id": article.id,
            "speaker": sp.name if sp else None,
            "speaker_kind": sp.kind if sp else None,
            "role": sp.role if sp else None,
            "kind": q.kind,
            "text": q.text,
            "cue": q.cue.text if q.cue else None,
            "start": q.start,
            "end": q.end,
            "audience": q.audience,
            "medium": q.medium,
            "confidence": q.confidence,
            "rule": q.rule,
        }


def _partition(records: Iterable[Any], flat: bool) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for article in extract_many(records, processes=1):
        if flat:
            out.extend(quote_rows(article))
        else:
            out.append(article.to_dict())
    return out


def extract_bag(bag: Bag, *, flat: bool = False) -> Bag:
    """Extract every record of a Dask bag, one partition at a time.

    Args:
        bag: A ``dask.bag.Bag`` of texts or of dicts with ``text`` and
            optionally ``id`` (other keys become metadata), as for
            :func:`~quotetrack.parallel.extract_many`.
        flat: ``False`` gives one :meth:`Article.to_dict` per record;
            ``True`` gives one :func:`quote_rows` row per quote, ready for
            ``bag.to_dataframe()``.

    Returns:
        A lazy bag; nothing runs until it is computed.
    """
    map_partitions: Any = bag.map_partitions  # dask is untyped; keep mypy strict with or without it
    result: Bag = map_partitions(_partition, flat=flat)
    return result


def spark_extract_partition(rows: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Extract one Spark partition: ``rdd.mapPartitions(spark_extract_partition)``.

    Args:
        rows: ``pyspark.sql.Row`` objects (or dicts, or texts) with a
            ``text`` field and optionally ``id``; other fields become metadata.

    Yields:
        One flat dict per quote (see :func:`quote_rows`), matching
        :func:`SPARK_SCHEMA`.
    """
    records = (r.asDict() if hasattr(r, "asDict") else r for r in rows)
    for article in extract_many(records, processes=1):
        yield from quote_rows(article)


def SPARK_SCHEMA() -> StructType:
    """The Spark ``StructType`` of the rows :func:`spark_extract_partition` yields.

    PySpark is imported when this is called, not before.
    """
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    types = {"string": StringType, "long": LongType, "double": DoubleType}
    required = {"kind", "text", "start", "end", "confidence", "rule"}
    return StructType([StructField(name, types[t](), name not in required) for name, t in QUOTE_COLUMNS])
