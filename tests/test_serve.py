"""The HTTP API."""
from pathlib import Path

from fastapi.testclient import TestClient

from comity.serve import create_app
from comity.store import Store


def test_code_endpoint() -> None:
    client = TestClient(create_app())
    response = client.post("/code", json={"text": "Japan's prime minister visited Australia on Tuesday.",
                                          "date": "2023-03-09", "id": "story"})
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == "story"
    assert any(e["cameo"] == "042" and e["source_country"] == "JPN" for e in body["events"])
    assert client.post("/code", json={"text": "x", "date": "soon"}).status_code == 422


def test_actor_endpoint() -> None:
    client = TestClient(create_app())
    assert client.get("/actor", params={"phrase": "Rajnath Singh", "date": "2020-01-01"}).json()["code"] == "INDGOVMIL"
    assert client.get("/actor", params={"phrase": "the weather"}).status_code == 404


def test_dyad_and_claim_endpoints(tmp_path: Path) -> None:
    db = tmp_path / "api.duckdb"
    texts = {"a": ("2016-10-15", "India and Russia signed a defence agreement on Saturday."),
             "b": ("2018-10-05", "India and Russia signed a contract for S-400 systems on Friday. "
                                 "Modi and Putin held talks in New Delhi on Friday.")}
    from comity.records import Document
    with Store.open(db) as store:
        store.ingest([Document(id=k, text=t, date=d) for k, (d, t) in texts.items()])
    client = TestClient(create_app(db))
    series = client.get("/dyad/RUS/IND", params={"by": "year"})
    assert series.status_code == 200
    assert client.get("/claim/RUS/IND", params={"period": "2018"}).status_code == 200
    assert TestClient(create_app()).get("/dyad/RUS/IND").status_code == 503
