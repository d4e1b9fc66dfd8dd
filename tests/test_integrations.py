"""Dask and Spark recipes: the same results as extract, as dicts and flat quote rows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quotetrack import extract
from quotetrack.integrations import QUOTE_COLUMNS, quote_rows

STORIES = [
    "“The ferry will sail at dawn,” Ana Silva, the harbour master, said on Monday.",
    "Tom Reed said that the port was ready for the storm. “We checked every rope,” he added.",
    "The council met on Tuesday. No decision was announced.",
    "“Nobody told us,” said Lena Berg. Marta Cole, a fisher, said the quay was closed.",
]
RECORDS = [{"id": f"s{i}", "text": t, "outlet": "The Harbour Post"} for i, t in enumerate(STORIES)]
NAMES = [name for name, _ in QUOTE_COLUMNS]


def expected_rows() -> list[dict[str, Any]]:
    """quote_rows of every record, extracted one by one."""
    return [row for r in RECORDS for row in quote_rows(extract(r["text"], id=r["id"], outlet=r["outlet"]))]


def test_quote_rows_are_flat_and_match_the_quotes() -> None:
    """Each quote gives one row with exactly the documented columns and the quote's values."""
    article = extract(STORIES[1], id="s1")
    rows = list(quote_rows(article))
    assert len(rows) == len(article.quotes) >= 2
    for row, q in zip(rows, article.quotes, strict=True):
        assert list(row) == NAMES
        assert (row["article_id"], row["text"], row["start"], row["end"]) == ("s1", q.text, q.start, q.end)
        assert row["speaker"] == (q.speaker.name if q.speaker else None)
        assert row["cue"] == (q.cue.text if q.cue else None)
        assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())


def test_importing_the_recipes_imports_neither_dask_nor_spark() -> None:
    """quotetrack.integrations loads Dask and PySpark only when a recipe runs."""
    code = "import sys, quotetrack.integrations; print([m for m in ('dask', 'pyspark') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- Dask ---------------------------------------------------------------------------------------


@pytest.fixture
def db() -> Any:
    """dask.bag, or a skip when the dask extra is not installed."""
    return pytest.importorskip("dask.bag", reason='needs the dask extra: pip install "quotetrack[dask]"')


def test_dask_bag_gives_article_dicts_in_order(db: Any) -> None:
    """extract_bag maps records to Article.to_dict(), across worker processes."""
    from quotetrack.integrations import extract_bag

    articles: Any = extract_bag(db.from_sequence(RECORDS, npartitions=2))  # dask is untyped
    got = articles.compute(scheduler="processes", num_workers=2)
    assert got == [extract(r["text"], id=r["id"], outlet=r["outlet"]).to_dict() for r in RECORDS]


def test_dask_bag_flat_gives_quote_rows(db: Any) -> None:
    """extract_bag(flat=True) gives one quote row per quote."""
    from quotetrack.integrations import extract_bag

    rows: Any = extract_bag(db.from_sequence(RECORDS, npartitions=3), flat=True)
    assert rows.compute(scheduler="sync") == expected_rows()


def test_dask_bag_reports_a_record_without_text(db: Any) -> None:
    """A record without text fails the computation with extract_many's TypeError."""
    from quotetrack.integrations import extract_bag

    articles: Any = extract_bag(db.from_sequence([*RECORDS, {"id": "empty"}], npartitions=1))
    with pytest.raises(TypeError, match=r"'empty'.*no 'text' key"):
        articles.compute(scheduler="sync")


# --- Spark --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """A local[2] Spark session whose Python workers run this interpreter."""
    pytest.importorskip("pyspark", reason='needs the spark extra: pip install "quotetrack[spark]"')
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        pytest.skip("needs Java for Spark (set JAVA_HOME or put java on PATH)")
    from pyspark.sql import SparkSession

    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("quotetrack-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_spark_partitions_give_quote_rows_in_a_data_frame(spark: Any, tmp_path: Path) -> None:
    """mapPartitions(spark_extract_partition) rows fit SPARK_SCHEMA and survive a Parquet round trip."""
    from quotetrack.integrations import SPARK_SCHEMA, spark_extract_partition

    df = spark.createDataFrame(RECORDS).repartition(2)
    quotes = spark.createDataFrame(df.rdd.mapPartitions(spark_extract_partition), schema=SPARK_SCHEMA())
    assert quotes.columns == NAMES
    path = str(tmp_path / "quotes.parquet")
    quotes.write.parquet(path)
    back = [r.asDict() for r in spark.read.parquet(path).collect()]

    def key(row: dict[str, Any]) -> tuple[str, int]:
        return row["article_id"], row["start"]

    assert sorted(back, key=key) == sorted(expected_rows(), key=key)
