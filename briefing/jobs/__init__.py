"""Running work over many articles: the ordered process pool, Dask, one Word file per article, and
the evaluation against human references."""
