"""Session-wide SPARQL servers on loopback (started once, stopped at the end)."""

from __future__ import annotations

import pytest

from tests.servers import oxigraph_server, virtuoso_server


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="session")
def virtuoso_url(tmp_path_factory):
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url
